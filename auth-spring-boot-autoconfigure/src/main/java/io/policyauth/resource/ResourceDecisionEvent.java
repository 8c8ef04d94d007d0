package io.policyauth.resource;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One resource check, for audit and metrics: identifiers only, never a credential. Published as a
 * Spring application event by the auto-configuration.
 *
 * @param time when it was decided
 * @param kind the resource's kind
 * @param id the resource's id
 * @param action the action
 * @param effect what came of it
 * @param policy the engine's policy that decided, when it says one
 * @param subject the caller
 * @param tenant the caller's tenant, or {@code null}
 * @param duration time spent deciding, attributes included
 */
public record ResourceDecisionEvent(Instant time, String kind, String id, String action, ResourceEffect effect,
        @Nullable String policy, String subject, @Nullable String tenant, Duration duration) {
}
