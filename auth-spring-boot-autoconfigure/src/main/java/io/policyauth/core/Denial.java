package io.policyauth.core;

import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A refusal as one value: its kind (status, outcome, problem type, rank), a stable reason code, a
 * client-safe sentence, the {@code WWW-Authenticate} challenges, for a 503 how long to wait, and the
 * further response headers a scheme asks for (DPoP's {@code DPoP-Nonce}).
 * The web layer, the metrics and the audit read it; none of them decides it.
 *
 * @param kind what kind of refusal
 * @param reason a stable, machine-readable reason code such as {@code token_expired}
 * @param detail a client-safe sentence, never with a credential in it
 * @param challenges the challenges to send, possibly empty
 * @param retryAfter how long a client should wait, for {@link DenialKind#UNAVAILABLE} only, else {@code null}
 * @param headers further response headers by name, in order; values never hold a credential
 */
public record Denial(DenialKind kind, String reason, String detail, List<Challenge> challenges,
        @Nullable Duration retryAfter, Map<String, String> headers) {

    /** The default wait suggested while a backend cannot answer. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    public Denial {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        challenges = challenges == null ? List.of() : List.copyOf(challenges);
        retryAfter = kind == DenialKind.UNAVAILABLE ? Objects.requireNonNullElse(retryAfter, DEFAULT_RETRY_AFTER)
                : null;
        headers = headers == null || headers.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * A denial without further headers.
     *
     * @param kind what kind of refusal
     * @param reason a stable, machine-readable reason code
     * @param detail a client-safe sentence
     * @param challenges the challenges to send, possibly empty
     * @param retryAfter how long a client should wait, for {@link DenialKind#UNAVAILABLE} only
     */
    public Denial(DenialKind kind, String reason, String detail, List<Challenge> challenges,
            @Nullable Duration retryAfter) {
        this(kind, reason, detail, challenges, retryAfter, Map.of());
    }

    /**
     * @param replaced the challenges to send instead
     * @return this denial with those challenges
     */
    public Denial withChallenges(List<Challenge> replaced) {
        return new Denial(kind, reason, detail, replaced, retryAfter, headers);
    }
}
