package io.policyauth.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.Denial;
import io.policyauth.core.DenialKind;
import io.policyauth.core.SecurityRequestContext;

/**
 * One limit as requests are counted against it: takes the cost from a bucket and answers in the
 * IETF headers ({@code draft-ietf-httpapi-ratelimit-headers}, structured fields): on a grant through
 * the request's {@link io.policyauth.core.GrantHeaders}, over the limit as a 429 with
 * {@code Retry-After}.
 */
final class CountedLimit {

    private final RateLimit limit;
    private final String quotedName;
    private final String policyHeader;

    CountedLimit(RateLimit limit) {
        this.limit = limit;
        this.quotedName = "\"" + limit.name() + "\"";
        this.policyHeader = quotedName + ";q=" + limit.limit() + ";w=" + seconds(limit.per());
    }

    RateLimit limit() {
        return limit;
    }

    /**
     * @throws AuthException a 429 when the bucket does not hold the cost, the caller named
     */
    void take(RateLimiter limiter, String bucket, long cost, AuthenticatedUser user, SecurityRequestContext context) {
        RateLimiter.Consumption taken = limiter.consume(limit, bucket, cost);
        if (taken.admitted()) {
            // Uncounted (the store down, failures allowed), there is nothing true to say of the bucket.
            if (taken.counted()) {
                context.grantHeaders().set(RateLimitedExecutor.POLICY_HEADER, policyHeader);
                context.grantHeaders().set(RateLimitedExecutor.STATE_HEADER, state(taken));
            }
            return;
        }
        long retryAfter = seconds(taken.retryAfter());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString(retryAfter));
        headers.put(RateLimitedExecutor.POLICY_HEADER, policyHeader);
        headers.put(RateLimitedExecutor.STATE_HEADER, state(taken));
        throw new AuthException(new Denial(DenialKind.RATE_LIMITED, RateLimitedExecutor.RATE_LIMITED,
                "Too many requests: retry after " + retryAfter + " second(s).", List.of(), null, headers), null)
                .refusing(user);
    }

    private String state(RateLimiter.Consumption taken) {
        return quotedName + ";r=" + taken.remaining() + ";t=" + seconds(taken.reset());
    }

    /* Whole seconds, rounded up: a client waiting that long is admitted. */
    static long seconds(Duration duration) {
        long seconds = duration.toSeconds();
        return duration.minusSeconds(seconds).isZero() ? seconds : seconds + 1;
    }
}
