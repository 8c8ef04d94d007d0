package io.policyauth.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A named rate limit: {@code limit} requests per {@code per}, refilled steadily, with room for
 * {@code burst} more at once, counted by {@code key}.
 *
 * @param name the limit's name, as the IETF {@code RateLimit} headers name its policy
 * @param limit requests admitted per window, at least 1
 * @param per the window, at least a millisecond
 * @param burst requests admitted at once beyond {@code limit}, not negative
 * @param key what requests are counted by
 * @param refilled whether spent requests come back steadily ({@code limit} per {@code per}); a limit
 *        that is not refilled is a pool of {@code limit} uses, given back whole after {@code per}
 */
public record RateLimit(String name, long limit, Duration per, long burst, RateLimitKey key, boolean refilled) {

    public RateLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(per, "per");
        Objects.requireNonNull(key, "key");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (per.toMillis() < 1) {
            throw new IllegalArgumentException("per must be at least 1ms, got " + per);
        }
        if (burst < 0) {
            throw new IllegalArgumentException("burst must not be negative, got " + burst);
        }
    }

    /**
     * A limit refilled steadily.
     *
     * @see #RateLimit(String, long, Duration, long, RateLimitKey, boolean)
     */
    public RateLimit(String name, long limit, Duration per, long burst, RateLimitKey key) {
        this(name, limit, per, burst, key, true);
    }

    /** @return the most requests admitted at once: the limit and the burst */
    public long capacity() {
        return limit + burst;
    }
}
