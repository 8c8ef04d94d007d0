package io.policyauth.resource;

import java.util.Objects;

/**
 * Which resources of a kind a caller may act on: all of them, none of them, or those meeting a
 * condition. A store turns it into a query; a store that cannot translate a condition must refuse
 * rather than return a list unfiltered.
 */
public sealed interface ResourceFilter {

    /** Every resource of the kind. */
    ResourceFilter ALWAYS_ALLOWED = new Always(true);

    /** No resource of the kind. */
    ResourceFilter ALWAYS_DENIED = new Always(false);

    /**
     * @param allowed whether every resource is allowed (or none)
     */
    record Always(boolean allowed) implements ResourceFilter {
    }

    /**
     * @param condition what an allowed resource meets
     */
    record Conditional(FilterExpression condition) implements ResourceFilter {

        public Conditional {
            Objects.requireNonNull(condition, "condition");
        }
    }
}
