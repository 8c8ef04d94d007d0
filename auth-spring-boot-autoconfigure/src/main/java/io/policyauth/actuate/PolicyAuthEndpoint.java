package io.policyauth.actuate;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.PolicyModes;
import io.policyauth.web.PolicyMap;

/** {@code /actuator/policyauth}: every policy and every endpoint's effective policy, in one request. */
@Endpoint(id = "policyauth")
public class PolicyAuthEndpoint {

    private final AuthExecutorRegistry registry;
    private final PolicyMap policyMap;
    private final PolicyModes modes;

    /**
     * @param registry the registered policies
     * @param policyMap the endpoints and their policies
     * @param modes the enforcement of each policy
     */
    public PolicyAuthEndpoint(AuthExecutorRegistry registry, PolicyMap policyMap, PolicyModes modes) {
        this.registry = registry;
        this.policyMap = policyMap;
        this.modes = modes;
    }

    /**
     * @return the policy map
     */
    @ReadOperation
    public PolicyAuthReport policies() {
        List<PolicyEntry> policies = registry.policies().stream().map(registry::get)
                .map(executor -> PolicyEntry.of(executor.describe(), modes.of(List.of(executor.policy())))).toList();
        return new PolicyAuthReport(policyMap.policies().defaultPolicy().name(), policies,
                policyMap.entries().stream().map(EndpointEntry::of).toList());
    }
}
