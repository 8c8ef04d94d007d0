package io.policyauth.core;

import java.util.Locale;

/** How a policy decision ended; the {@code outcome} tag of every metric. */
public enum Outcome {

    /** The policy passed. */
    GRANTED,
    /** No valid credential (401), or a malformed credential request (400). */
    UNAUTHENTICATED,
    /** A valid caller that the policy does not admit (403). */
    FORBIDDEN,
    /** A caller of another tenant than the one the request targets (403), under tenancy. */
    TENANT_MISMATCH,
    /** A backend could not answer, so no decision was possible (503). */
    UNAVAILABLE,
    /** A caller over a rate limit (429). */
    RATE_LIMITED,
    /** The executor failed unexpectedly (500); access is denied. */
    ERROR,
    /** In dry-run mode: the policy would have denied, and the request proceeded. */
    WOULD_DENY;

    /**
     * The tag value.
     *
     * @return the lower-case name
     */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
