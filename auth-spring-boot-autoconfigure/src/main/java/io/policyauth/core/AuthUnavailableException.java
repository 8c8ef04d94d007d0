package io.policyauth.core;

import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.util.List;

/**
 * A backend that the decision depends on could not answer (database down, key set unreachable):
 * HTTP 503 with {@code Retry-After}. Never a grant, never a 401.
 */
public class AuthUnavailableException extends AuthException {

    /**
     * @param reason reason code, for example {@code key_store_unavailable}
     * @param detail client-safe sentence, with no host name or driver message
     * @param retryAfter how long a client should wait, or {@code null} for {@link Denial#DEFAULT_RETRY_AFTER}
     * @param cause the backend failure, for logs only, if there is one
     */
    public AuthUnavailableException(String reason, String detail, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(new Denial(DenialKind.UNAVAILABLE, reason, detail, List.of(), retryAfter), cause);
    }

    /**
     * @return how long a client should wait before retrying
     */
    public Duration retryAfter() {
        return denial().retryAfter();
    }
}
