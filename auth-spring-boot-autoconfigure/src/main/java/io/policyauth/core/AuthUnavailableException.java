package io.policyauth.core;

import java.time.Duration;
import java.util.List;

/**
 * A backend that the decision depends on could not answer (database down, key set unreachable):
 * HTTP 503 with {@code Retry-After}. Never a grant, never a 401.
 */
public class AuthUnavailableException extends AuthException {

    /** The default wait suggested to clients. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final Duration retryAfter;

    /**
     * @param reason reason code, for example {@code key_store_unavailable}
     * @param detail client-safe sentence, with no host name or driver message
     * @param retryAfter how long a client should wait
     * @param cause the backend failure, for logs only
     */
    public AuthUnavailableException(String reason, String detail, Duration retryAfter, Throwable cause) {
        super(reason, detail, List.of(), cause);
        this.retryAfter = retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
    }

    /**
     * @return how long a client should wait before retrying
     */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public Outcome outcome() {
        return Outcome.UNAVAILABLE;
    }

    @Override
    public int specificity() {
        return 5;
    }
}
