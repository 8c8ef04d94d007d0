package io.policyauth.ratelimit;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * Rate limits counted in this instance's memory, exactly: a Bucket4j token bucket per limit and
 * caller, refilled greedily ({@code limit} tokens per window, spread over it), holding
 * {@code limit + burst}. A bucket is dropped once it would be full again (a new one is the same); at most
 * {@value #MAXIMUM_BUCKETS} are kept, the least recently used dropped first (a dropped bucket
 * starts full).
 */
public final class InMemoryRateLimiter implements RateLimiter {

    /** Most buckets kept. */
    public static final long MAXIMUM_BUCKETS = 1_000_000;

    private final Cache<TokenBuckets.BucketKey, Bucket> buckets;
    private final TimeMeter time;

    /**
     * @param clock the time buckets refill by
     */
    public InMemoryRateLimiter(Clock clock) {
        this.time = TokenBuckets.time(clock);
        this.buckets = TokenBuckets.cache(clock, MAXIMUM_BUCKETS);
    }

    @Override
    public Consumption consume(RateLimit limit, String bucket, long cost) {
        return TokenBuckets.consumption(bucket(limit, bucket).tryConsumeAndReturnRemaining(cost));
    }

    @Override
    public long available(RateLimit limit, String bucket) {
        return bucket(limit, bucket).getAvailableTokens();
    }

    @Override
    public void setAvailable(RateLimit limit, String bucket, long tokens) {
        TokenBuckets.setAvailable(bucket(limit, bucket), limit, tokens);
    }

    private Bucket bucket(RateLimit limit, String bucket) {
        return buckets.get(new TokenBuckets.BucketKey(limit, bucket), key -> Bucket.builder()
                .withCustomTimePrecision(time).addLimit(TokenBuckets.bandwidth(limit)).build());
    }
}
