package io.policyauth.web;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.Enforcement;
import io.policyauth.core.Policies;
import io.policyauth.core.Requirements;
import io.policyauth.core.ResourceRule;
import io.policyauth.core.TenantBinding;

/**
 * An effective policy, resolved once: for a handler, a route rule or the default.
 *
 * @param names the policy names, in order ("any of")
 * @param requirements scopes, roles and permissions required on top
 * @param executor the executor that enforces names and requirements, or {@code null} when exempt
 * @param source where it comes from
 * @param enforcement whether denials stop the request
 * @param tenant how the endpoint is bound to the tenant its requests name
 * @param resource the resource the endpoint acts on, checked once the policy admitted the caller, or
 *        {@code null}
 */
public record EffectivePolicy(List<String> names, Requirements requirements, @Nullable AuthExecutor executor,
        PolicySource source, Enforcement enforcement, TenantBinding tenant, @Nullable ResourceRule resource) {

    static final EffectivePolicy EXEMPT = new EffectivePolicy(List.of(), Requirements.NONE, null, PolicySource.EXEMPT,
            Enforcement.ENFORCE);

    public EffectivePolicy {
        names = List.copyOf(names);
        Objects.requireNonNull(tenant, "tenant");
    }

    /**
     * An effective policy with no resource check.
     *
     * @param names the policy names, in order ("any of")
     * @param requirements scopes, roles and permissions required on top
     * @param executor the executor that enforces names and requirements, or {@code null} when exempt
     * @param source where it comes from
     * @param enforcement whether denials stop the request
     * @param tenant how the endpoint is bound to the tenant its requests name
     */
    public EffectivePolicy(List<String> names, Requirements requirements, @Nullable AuthExecutor executor,
            PolicySource source, Enforcement enforcement, TenantBinding tenant) {
        this(names, requirements, executor, source, enforcement, tenant, null);
    }

    /**
     * An effective policy to which tenancy does not apply.
     *
     * @param names the policy names, in order ("any of")
     * @param requirements scopes, roles and permissions required on top
     * @param executor the executor that enforces names and requirements, or {@code null} when exempt
     * @param source where it comes from
     * @param enforcement whether denials stop the request
     */
    public EffectivePolicy(List<String> names, Requirements requirements, @Nullable AuthExecutor executor,
            PolicySource source, Enforcement enforcement) {
        this(names, requirements, executor, source, enforcement, TenantBinding.OFF, null);
    }

    /**
     * @param enforcing the executor that enforces it now (the same one, put under a limit or a check)
     * @return this effective policy, enforced by that executor
     */
    public EffectivePolicy withExecutor(AuthExecutor enforcing) {
        return new EffectivePolicy(names, requirements, enforcing, source, enforcement, tenant, resource);
    }

    /**
     * @return whether requests to this handler are not checked
     */
    public boolean exempt() {
        return source == PolicySource.EXEMPT;
    }

    /**
     * @param other another effective policy
     * @return whether a request decided under this policy is decided under the other alike: the
     *         same policies, requirements and enforcement
     */
    public boolean sameRequirementsAs(EffectivePolicy other) {
        return this == other || names.equals(other.names) && requirements.equals(other.requirements)
                && enforcement == other.enforcement && exempt() == other.exempt() && tenant.equals(other.tenant)
                && Objects.equals(resource, other.resource);
    }

    /**
     * @return the name used in responses and metrics, {@code a|b} for several
     */
    public String name() {
        return Policies.anyOfName(names);
    }
}
