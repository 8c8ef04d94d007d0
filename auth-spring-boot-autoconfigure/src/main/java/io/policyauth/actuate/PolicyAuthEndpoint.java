package io.policyauth.actuate;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.CompositeExecutor;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.Requirements;
import io.policyauth.core.RequirementsExecutor;
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
        List<PolicyDescription> policies = registry.policies().stream().map(name -> describe(registry.get(name)))
                .toList();
        return new PolicyAuthReport(policyMap.policies().defaultPolicy().name(), policies, policyMap.entries());
    }

    private PolicyDescription describe(AuthExecutor executor) {
        AuthExecutor composite = executor;
        Requirements requirements = Requirements.NONE;
        if (executor instanceof RequirementsExecutor withRequirements) {
            composite = withRequirements.delegate();
            requirements = withRequirements.requirements();
        }
        String kind = composite.getClass().getSimpleName();
        List<String> members = List.of();
        if (composite instanceof CompositeExecutor group) {
            kind = group.combination();
            members = group.members().stream().map(AuthExecutor::policy).toList();
        }
        return new PolicyDescription(executor.policy(), kind, members, requirements,
                modes.of(List.of(executor.policy())));
    }
}
