package io.policyauth.core;

/**
 * Adds a resource check to an endpoint's policy: the mechanism that decides who may do what on
 * which resource, for the web layer, which knows only the endpoint's {@link ResourceRule}.
 */
@FunctionalInterface
public interface ResourceGuard {

    /**
     * @param policy the endpoint's policy, its requirements included
     * @param rule the resource the endpoint acts on
     * @return the policy, then the resource check
     */
    AuthExecutor guarded(AuthExecutor policy, ResourceRule rule);
}
