package io.policyauth.core;

import java.util.List;

/**
 * A denied or undecidable request. The message is safe to show a client and to log: it never
 * contains a credential. Stack traces are not captured: these exceptions are control flow on the
 * request path, not bugs.
 */
public abstract class AuthException extends RuntimeException {

    private final String reason;
    private final List<Challenge> challenges;

    /**
     * @param reason a stable, machine-readable reason code such as {@code token_expired}
     * @param detail a client-safe sentence
     * @param challenges the {@code WWW-Authenticate} challenges to send, possibly empty
     * @param cause the underlying failure, kept for logs only, or {@code null}
     */
    protected AuthException(String reason, String detail, List<Challenge> challenges, Throwable cause) {
        super(detail, cause, false, false);
        this.reason = reason;
        this.challenges = List.copyOf(challenges);
    }

    /**
     * @return the challenges for {@code WWW-Authenticate}, possibly empty
     */
    public List<Challenge> challenges() {
        return challenges;
    }

    /**
     * A stable reason code, for logs, audit and tests.
     *
     * @return the reason code
     */
    public String reason() {
        return reason;
    }

    /**
     * The client-safe explanation.
     *
     * @return the detail sentence
     */
    public String detail() {
        return getMessage();
    }

    /**
     * The metric outcome of this failure.
     *
     * @return the outcome
     */
    public abstract Outcome outcome();

    /**
     * How specific this failure is when several policies were tried: the most specific wins the
     * response (a backend outage over a refusal over a bad credential over a missing one).
     *
     * @return a rank, higher is more specific
     */
    public abstract int specificity();
}
