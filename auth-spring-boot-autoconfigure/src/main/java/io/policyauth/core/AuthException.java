package io.policyauth.core;

import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * A denied or undecidable request, carrying its {@link Denial}. The message is safe to show a
 * client and to log: it never contains a credential. Stack traces are not captured: these
 * exceptions are control flow on the request path, not bugs. The subclasses are shorthands for
 * the kinds executors throw.
 */
public class AuthException extends RuntimeException {

    private final Denial denial;
    private @Nullable AuthenticatedUser caller;

    /**
     * @param denial the refusal
     * @param cause the underlying failure, kept for logs only, or {@code null}
     */
    public AuthException(Denial denial, @Nullable Throwable cause) {
        super(denial.detail(), cause, false, false);
        this.denial = denial;
    }

    /**
     * @return the refusal
     */
    public Denial denial() {
        return denial;
    }

    /**
     * Names the caller that had been established when the request was refused (a valid token
     * without the scope asked for, a member of an all-of after another admitted it), so the
     * decision is recorded with who was refused. The first caller named stays.
     *
     * @param established the caller, possibly anonymous (then nothing is recorded)
     * @return this exception
     */
    public AuthException refusing(AuthenticatedUser established) {
        if (caller == null && established != null && !established.isAnonymous()) {
            caller = established;
        }
        return this;
    }

    /**
     * @return the caller established before the refusal, or {@code null} when none was
     */
    public @Nullable AuthenticatedUser caller() {
        return caller;
    }

    /**
     * @return the challenges for {@code WWW-Authenticate}, possibly empty
     */
    public List<Challenge> challenges() {
        return denial.challenges();
    }

    /**
     * A stable reason code, for logs, audit and tests.
     *
     * @return the reason code
     */
    public String reason() {
        return denial.reason();
    }

    /**
     * The client-safe explanation.
     *
     * @return the detail sentence
     */
    public String detail() {
        return denial.detail();
    }

    /**
     * The metric outcome of this failure.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return denial.kind().outcome();
    }
}
