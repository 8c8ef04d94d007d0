package io.policyauth.core;

import java.util.List;
import java.util.Objects;

/**
 * A policy defined from other policies, for example in configuration.
 *
 * @param name the new policy's name
 * @param combination how members combine
 * @param members member policy names, in order; at least one
 * @param requirements scopes and roles the caller must also hold
 */
public record PolicyDefinition(String name, Combination combination, List<String> members, Requirements requirements) {

    /** How the members of a defined policy combine. */
    public enum Combination {
        /** The first member that passes admits. */
        ANY_OF("any-of"),
        /** Every member must pass. */
        ALL_OF("all-of");

        private final String kind;

        Combination(String kind) {
            this.kind = kind;
        }

        /**
         * @return the {@link PolicyDescription#kind()} of such composites, {@code any-of} or {@code all-of}
         */
        public String kind() {
            return kind;
        }
    }

    public PolicyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(combination, "combination");
        members = List.copyOf(members);
        requirements = requirements == null ? Requirements.NONE : requirements;
        if (members.isEmpty()) {
            throw new IllegalArgumentException("Policy '" + name + "' names no member policies");
        }
    }
}
