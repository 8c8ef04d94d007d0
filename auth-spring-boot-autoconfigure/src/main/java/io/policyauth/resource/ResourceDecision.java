package io.policyauth.resource;

import org.jspecify.annotations.Nullable;

/**
 * An engine's answer for one action on one resource.
 *
 * @param resource the resource
 * @param action the action
 * @param allowed whether the caller may do it
 * @param policy the engine's policy that decided, when it says one, for audit
 */
public record ResourceDecision(Resource resource, String action, boolean allowed, @Nullable String policy) {
}
