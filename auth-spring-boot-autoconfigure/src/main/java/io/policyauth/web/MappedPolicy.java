package io.policyauth.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.Enforcement;
import io.policyauth.core.Requirements;
import io.policyauth.core.ResourceRule;
import io.policyauth.core.TenantBinding;

/**
 * The effective policy of one mapped endpoint, for the policy map.
 *
 * @param pattern the mapping pattern
 * @param method the HTTP method, or {@code *} for any
 * @param handler the handler, {@code Class#method}
 * @param policy the policy names (any of); empty when exempt
 * @param requirements scopes, roles and permissions required on top
 * @param source where the policy comes from
 * @param mode whether it is enforced or runs dry
 * @param open whether the policy admits anyone (no credential needed)
 * @param handlerMethod whether the handler is a handler method, which an annotation could decide
 *        (else static resources, a functional route: routes and the default policy decide them)
 * @param tenant how the endpoint is bound to the tenant its requests name
 * @param resource the resource checked once the policy admitted the caller, its action as resolved
 *        for the method (or {@code null} for a method that maps to none), or {@code null} for no check
 */
public record MappedPolicy(String pattern, String method, String handler, List<String> policy,
        Requirements requirements, PolicySource source, Enforcement mode, boolean open, boolean handlerMethod,
        TenantBinding tenant, @Nullable ResourceRule resource) {

    /**
     * An endpoint with no resource check.
     *
     * @param pattern the mapping pattern
     * @param method the HTTP method, or {@code *} for any
     * @param handler the handler, {@code Class#method}
     * @param policy the policy names (any of); empty when exempt
     * @param requirements scopes, roles and permissions required on top
     * @param source where the policy comes from
     * @param mode whether it is enforced or runs dry
     * @param open whether the policy admits anyone (no credential needed)
     * @param handlerMethod whether the handler is a handler method
     * @param tenant how the endpoint is bound to the tenant its requests name
     */
    public MappedPolicy(String pattern, String method, String handler, List<String> policy,
            Requirements requirements, PolicySource source, Enforcement mode, boolean open, boolean handlerMethod,
            TenantBinding tenant) {
        this(pattern, method, handler, policy, requirements, source, mode, open, handlerMethod, tenant, null);
    }
}
