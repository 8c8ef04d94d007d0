package io.policyauth.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
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

    private final Cache<BucketKey, Bucket> buckets;
    private final TimeMeter time;

    /**
     * @param clock the time buckets refill by
     */
    public InMemoryRateLimiter(Clock clock) {
        this.time = new ClockTimeMeter(clock);
        this.buckets = Caffeine.newBuilder().maximumSize(MAXIMUM_BUCKETS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.accessing((BucketKey key, Bucket bucket) -> untilFull(key.limit()))).build();
    }

    @Override
    public Consumption consume(RateLimit limit, String bucket, long cost) {
        Bucket tokens = buckets.get(new BucketKey(limit, bucket), key -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.limit(), limit.per())
                        .build()).build());
        ConsumptionProbe probe = tokens.tryConsumeAndReturnRemaining(cost);
        return new Consumption(probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()), Duration.ofNanos(probe.getNanosToWaitForReset()));
    }

    /* Empty to full: the capacity at the limit's pace. */
    private static Duration untilFull(RateLimit limit) {
        return limit.per().multipliedBy(limit.capacity()).dividedBy(limit.limit()).plusSeconds(1);
    }

    private record BucketKey(RateLimit limit, String bucket) {
    }

    /* The application's clock, so that tests move time for buckets as for everything else. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
