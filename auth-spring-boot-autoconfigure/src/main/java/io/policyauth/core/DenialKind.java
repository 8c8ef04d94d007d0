package io.policyauth.core;

/**
 * What kind of refusal a {@link Denial} is, and everything that follows from the kind: the HTTP
 * status, the metric outcome, the problem type and title, and how specific it is when several
 * policies were tried (the most specific wins the response: a backend outage over a refusal over
 * a malformed request over a bad credential over a missing one).
 */
public enum DenialKind {

    /** No credential of the kind the policy reads: 401. */
    CREDENTIAL_MISSING(401, Outcome.UNAUTHENTICATED, "unauthenticated", "Authentication required", 1),

    /** A credential was sent and rejected: 401. */
    CREDENTIAL_REJECTED(401, Outcome.UNAUTHENTICATED, "unauthenticated", "Authentication required", 2),

    /** The credentials are malformed as a request, for example two {@code Authorization} headers: 400. */
    INVALID_REQUEST(400, Outcome.UNAUTHENTICATED, "invalid-request", "Invalid credentials", 3),

    /** A known caller the policy does not admit: 403. */
    FORBIDDEN(403, Outcome.FORBIDDEN, "forbidden", "Access denied", 4),

    /** A caller of another tenant than the one the request names, under tenancy: 403. */
    TENANT_MISMATCH(403, Outcome.TENANT_MISMATCH, "tenant-mismatch", "Access denied", 4),

    /** A caller whose credential is not accepted from the client's address (an API key's allowed ranges): 403. */
    ADDRESS_NOT_ALLOWED(403, Outcome.FORBIDDEN, "address-not-allowed", "Address not allowed", 4),

    /** A resource the caller may not know of: unknown, or refused with {@code deny-status: 404}: 404. */
    NOT_FOUND(404, Outcome.FORBIDDEN, "not-found", "Not found", 4),

    /** A body larger than a policy that decides on it accepts: 413. */
    BODY_TOO_LARGE(413, Outcome.FORBIDDEN, "body-too-large", "Request body too large", 4),

    /** A body a policy decides on that the client did not send in time: 408. */
    BODY_TIMEOUT(408, Outcome.FORBIDDEN, "body-timeout", "Request body not received in time", 4),

    /** A body that cannot be shown to a policy as the handler will read it: 415. */
    BODY_NOT_COPYABLE(415, Outcome.FORBIDDEN, "body-not-copyable", "Request body cannot be authorized", 4),

    /** A caller admitted, and over a rate limit: 429, with {@code Retry-After} and the {@code RateLimit} headers. */
    RATE_LIMITED(429, Outcome.RATE_LIMITED, "rate-limited", "Too many requests", 4),

    /** A caller admitted, whose credits (an API key's uses) do not cover the request's cost: 429. */
    USAGE_EXCEEDED(429, Outcome.RATE_LIMITED, "usage-exceeded", "Usage exceeded", 4),

    /** A backend the decision depends on could not answer: 503, with {@code Retry-After}. */
    UNAVAILABLE(503, Outcome.UNAVAILABLE, "unavailable", "Authorization unavailable", 5);

    private final int status;
    private final Outcome outcome;
    private final String problemType;
    private final String title;
    private final int specificity;

    DenialKind(int status, Outcome outcome, String problemType, String title, int specificity) {
        this.status = status;
        this.outcome = outcome;
        this.problemType = problemType;
        this.title = title;
        this.specificity = specificity;
    }

    /**
     * @return the HTTP status
     */
    public int status() {
        return status;
    }

    /**
     * @return the metric and audit outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * @return the last part of the RFC 9457 problem type, such as {@code unauthenticated}
     */
    public String problemType() {
        return problemType;
    }

    /**
     * @return the RFC 9457 problem title
     */
    public String title() {
        return title;
    }

    /**
     * @return whether a credential would change the answer (401), so challenges of every way in help
     */
    public boolean asksForCredential() {
        return status == 401;
    }

    /**
     * @param other another kind
     * @return whether this kind wins the response over the other
     */
    public boolean moreSpecificThan(DenialKind other) {
        return specificity > other.specificity;
    }
}
