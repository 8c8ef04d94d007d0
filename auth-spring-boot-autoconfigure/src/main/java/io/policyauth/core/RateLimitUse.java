package io.policyauth.core;

import java.util.Objects;

/**
 * A rate limit named where requests are matched (a route rule): which limit, and what one request
 * takes from it.
 *
 * @param limit the name of a configured rate limit
 * @param cost what one request takes, at least 1
 */
public record RateLimitUse(String limit, long cost) {

    public RateLimitUse {
        Objects.requireNonNull(limit, "limit");
        if (limit.isBlank()) {
            throw new IllegalArgumentException("rate-limit is blank");
        }
        if (cost < 1) {
            throw new IllegalArgumentException("cost must be at least 1, got " + cost);
        }
    }
}
