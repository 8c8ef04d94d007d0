package io.policyauth.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthService;
import io.policyauth.core.Decision;
import io.policyauth.core.Policies;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.EffectivePolicy;
import io.policyauth.web.RouteRule;

/**
 * Decides forwarded requests: the first {@code policy-auth.gateway.routes} rule that matches the
 * original method and path, else {@code policy-auth.gateway.default-policy}, run by the
 * {@link AuthService}, so each decision is counted, timed and audited with the original method and path.
 */
public final class GatewayPolicies {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Set policy-auth.gateway.default-policy to a registered policy, or "
            + "configure that policy's backend.";

    private static final Logger logger = LoggerFactory.getLogger(GatewayPolicies.class);

    private final AuthService authService;
    private final EffectivePolicies policies;

    /**
     * @param authService runs the policies
     * @param policies the gateway's routes and default policy
     * @throws IllegalStateException when the default policy is not registered
     */
    public GatewayPolicies(AuthService authService, EffectivePolicies policies) {
        this.authService = authService;
        this.policies = policies;
        policies.defaultPolicyProblem().ifPresent(problem -> {
            throw new PolicyAuthConfigurationException("policy-auth.gateway.default-policy: " + problem, WHAT_TO_DO);
        });
    }

    /**
     * @param path the original request's parsed path, or {@code null} for a request without one (a
     *        KX IPC connection), which gets the default policy
     * @param method the original request's method
     * @return the policy of the original request: its route's, else the default
     */
    public EffectivePolicy policyFor(@Nullable PathContainer path, String method) {
        return path == null ? policies.defaultPolicy() : policies.forPath(path, method);
    }

    /**
     * @param path the original request's parsed path, or {@code null}
     * @param method the original request's method
     * @return the variables of its route's pattern (a tenant the route names), decoded; empty
     *         without a path or a route
     */
    public Map<String, String> pathVariables(@Nullable PathContainer path, String method) {
        return path == null ? Map.of() : policies.routeVariables(path, method);
    }

    /**
     * @param context the original request as the gateway forwarded it
     * @param policy its policy, as {@link #policyFor} gave it
     * @return the decision
     */
    public Decision decide(SecurityRequestContext context, EffectivePolicy policy) {
        return authService.decide(context, policy.executor(), policy.enforcement());
    }

    /**
     * Activates every policy the gateway may run, once each, as the web layer does for its own,
     * and warns about the routes whose policy decides on the request body, which nginx cannot send.
     */
    public void activate() {
        Policies.leaves(inUse()).values().forEach(AuthExecutor::activate);
        List<String> needingBodies = new ArrayList<>();
        for (Map.Entry<RouteRule, EffectivePolicy> route : policies.routes()) {
            if (route.getValue().executor().readsBody()) {
                needingBodies.add(route.getKey().pattern().getPatternString() + " (" + route.getValue().name() + ")");
            }
        }
        if (policies.defaultPolicy().executor().readsBody()) {
            needingBodies.add("the gateway's default policy (" + policies.defaultPolicy().name() + ")");
        }
        if (!needingBodies.isEmpty()) {
            logger.warn("These gateway routes have a policy that decides on the request body: {}. nginx's "
                    + "auth_request sends no body, so /nginx refuses their requests (403, body_unavailable); "
                    + "Envoy must send it (with_request_body), KX sends it in \"body\".", needingBodies);
        }
    }

    /**
     * @return whether any policy the gateway may run may wait on I/O
     */
    public boolean mayBlock() {
        return inUse().stream().anyMatch(AuthExecutor::mayBlock);
    }

    private List<AuthExecutor> inUse() {
        List<AuthExecutor> inUse = new ArrayList<>();
        inUse.add(policies.defaultPolicy().executor());
        policies.routes().forEach(route -> inUse.add(route.getValue().executor()));
        return inUse;
    }
}
