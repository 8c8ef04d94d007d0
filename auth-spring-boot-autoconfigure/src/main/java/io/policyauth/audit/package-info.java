/**
 * The audit trail: every decision published as an {@link io.policyauth.core.AuthDecisionEvent}
 * Spring application event, and the sinks that keep it (a structured log line, MongoDB).
 */
@NullMarked
package io.policyauth.audit;

import org.jspecify.annotations.NullMarked;
