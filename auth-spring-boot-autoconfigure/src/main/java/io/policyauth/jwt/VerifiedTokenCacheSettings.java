package io.policyauth.jwt;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of the cache of verified tokens. A cached token is served
 * until the earlier of its {@code exp} and {@code maximumTtl} after it was verified; the TTL also
 * bounds how long a token outlives the removal of its key from a JWK Set.
 *
 * @param maximumSize most tokens held; {@code 0} turns the cache off
 * @param maximumTtl longest time a token is served from the cache; zero turns the cache off
 */
public record VerifiedTokenCacheSettings(int maximumSize, Duration maximumTtl) {

    /** Default {@link #maximumSize()}: about 10 MB of 1 kB tokens and their users, at most. */
    public static final int DEFAULT_MAXIMUM_SIZE = 10_000;

    /** Default {@link #maximumTtl()}, the same as the default JWK Set cache TTL. */
    public static final Duration DEFAULT_MAXIMUM_TTL = Duration.ofMinutes(5);

    private static final VerifiedTokenCacheSettings DEFAULTS = new VerifiedTokenCacheSettings(DEFAULT_MAXIMUM_SIZE,
            DEFAULT_MAXIMUM_TTL);

    private static final VerifiedTokenCacheSettings DISABLED = new VerifiedTokenCacheSettings(0, Duration.ZERO);

    public VerifiedTokenCacheSettings {
        Objects.requireNonNull(maximumTtl, "maximumTtl");
        if (maximumSize < 0) {
            throw new IllegalArgumentException("the verified-token cache size must not be negative");
        }
        if (maximumTtl.isNegative()) {
            throw new IllegalArgumentException("the verified-token cache TTL must not be negative");
        }
    }

    /**
     * @return {@value #DEFAULT_MAXIMUM_SIZE} tokens for at most 5 minutes each
     */
    public static VerifiedTokenCacheSettings defaults() {
        return DEFAULTS;
    }

    /**
     * @return settings that turn the cache off: every token is verified on every request
     */
    public static VerifiedTokenCacheSettings disabled() {
        return DISABLED;
    }

    /**
     * @return whether tokens are cached at all
     */
    public boolean enabled() {
        return maximumSize > 0 && !maximumTtl.isZero();
    }
}
