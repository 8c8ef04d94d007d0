package io.policyauth.core;

import org.jspecify.annotations.Nullable;

/**
 * Adds a resource check to an endpoint's policy: the mechanism that decides who may do what on
 * which resource, for the web layer, which knows only the endpoint's {@link ResourceRule}.
 */
public interface ResourceGuard {

    /**
     * @param policy the endpoint's policy, its requirements included
     * @param rule the resource the endpoint acts on
     * @param enforcement whether the endpoint's policy runs dry, so that a refusal is told {@code would_deny}
     * @return the policy, then the resource check
     */
    AuthExecutor guarded(AuthExecutor policy, ResourceRule rule, Enforcement enforcement);

    /**
     * @param rule the resource an endpoint acts on
     * @param method an HTTP method, upper case
     * @return the action the check asks about for requests of that method, or {@code null} when the
     *         method maps to none (and such requests are refused)
     */
    @Nullable String action(ResourceRule rule, String method);
}
