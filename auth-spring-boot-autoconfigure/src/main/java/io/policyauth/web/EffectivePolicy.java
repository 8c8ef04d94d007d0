package io.policyauth.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.Enforcement;
import io.policyauth.core.Policies;
import io.policyauth.core.Requirements;

/**
 * An effective policy, resolved once: for a handler, a route rule or the default.
 *
 * @param names the policy names, in order ("any of")
 * @param requirements scopes and roles required on top
 * @param executor the executor that enforces names and requirements, or {@code null} when exempt
 * @param source where it comes from
 * @param enforcement whether denials stop the request
 */
public record EffectivePolicy(List<String> names, Requirements requirements, @Nullable AuthExecutor executor,
        PolicySource source, Enforcement enforcement) {

    static final EffectivePolicy EXEMPT = new EffectivePolicy(List.of(), Requirements.NONE, null, PolicySource.EXEMPT,
            Enforcement.ENFORCE);

    public EffectivePolicy {
        names = List.copyOf(names);
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
                && enforcement == other.enforcement && exempt() == other.exempt();
    }

    /**
     * @return the name used in responses and metrics, {@code a|b} for several
     */
    public String name() {
        return Policies.anyOfName(names);
    }
}
