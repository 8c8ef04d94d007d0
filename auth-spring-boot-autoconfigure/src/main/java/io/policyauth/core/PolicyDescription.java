package io.policyauth.core;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a policy describes itself, in the domain's words, to everything that reads policies
 * without running them: the policy map, start-up checks, the Actuator endpoint, OpenAPI and
 * gateways. One walk over {@link #members()} serves them all; nobody inspects executor types.
 *
 * @param name the policy name
 * @param kind what it is: {@code public}, {@code jwt}, {@code any-of}, {@code all-of}, ... (see
 *        {@link #CUSTOM} for executors that do not say)
 * @param members the member policies of a composite, in order; empty for a leaf
 * @param requirements scopes and roles the caller must hold once admitted
 * @param credential what a leaf reads, or {@code null} when it reads nothing or does not say
 * @param challenges what a leaf answers a request without its credential with, possibly empty
 * @param attributes further facts for readers that need them (an issuer, an endpoint), never a secret
 */
public record PolicyDescription(String name, String kind, List<AuthExecutor> members, Requirements requirements,
        @Nullable CredentialDescription credential, List<Challenge> challenges, Map<String, String> attributes) {

    /** The kind of executors that do not describe themselves. */
    public static final String CUSTOM = "custom";

    /** The kind of the {@code public} policy. */
    public static final String PUBLIC = "public";

    /** The {@link #attributes()} entry of a policy under a rate limit: the limit, in words. */
    public static final String RATE_LIMIT = "rate-limit";

    /** The {@link #attributes()} entry of a policy whose requests cost more than 1: the cost, a number. */
    public static final String COST = "cost";

    public PolicyDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        members = List.copyOf(members);
        requirements = requirements == null ? Requirements.NONE : requirements;
        challenges = challenges == null ? List.of() : List.copyOf(challenges);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * A leaf policy.
     *
     * @param name the policy name
     * @param kind what it is
     * @param credential what it reads, or {@code null}
     * @param challenges its answer to a missing credential
     * @return the description
     */
    public static PolicyDescription leaf(String name, String kind, @Nullable CredentialDescription credential,
            List<Challenge> challenges) {
        return new PolicyDescription(name, kind, List.of(), Requirements.NONE, credential, challenges, Map.of());
    }

    /**
     * @return whether this is a policy made of others
     */
    public boolean isComposite() {
        return !members.isEmpty();
    }

    /**
     * @param more requirements added on top
     * @return this description with them
     */
    public PolicyDescription withRequirements(Requirements more) {
        return new PolicyDescription(name, kind, members, requirements.and(more), credential, challenges, attributes);
    }

    /**
     * Whether a request that carries no credential at all passes: {@code public}, and composites
     * that reduce to it, with nothing required on top.
     *
     * @return {@code true} when anyone is admitted
     */
    public boolean admitsAnyone() {
        if (!requirements.isEmpty()) {
            return false;
        }
        if (kind.equals(PUBLIC)) {
            return true;
        }
        if (kind.equals(PolicyDefinition.Combination.ANY_OF.kind())) {
            return members.stream().anyMatch(member -> member.describe().admitsAnyone());
        }
        if (kind.equals(PolicyDefinition.Combination.ALL_OF.kind())) {
            return members.stream().allMatch(member -> member.describe().admitsAnyone());
        }
        return false;
    }
}
