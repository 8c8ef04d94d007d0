/**
 * The audit trail: every decision published as an {@link io.policyauth.core.AuthDecisionEvent}
 * Spring application event, and the sinks that keep it (a structured log line, MongoDB).
 */
package io.policyauth.audit;
