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

/** What every store builds its Bucket4j buckets from, so that a limit counts alike in memory and in Redis. */
final class TokenBuckets {

    private TokenBuckets() {
    }

    /*
     * limit tokens per window, refilled greedily (spread over it), holding limit + burst; or a pool
     * given back whole after the window.
     */
    static Bandwidth bandwidth(RateLimit limit) {
        return limit.refilled()
                ? Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.limit(), limit.per()).build()
                : Bandwidth.builder().capacity(limit.capacity()).refillIntervally(limit.limit(), limit.per()).build();
    }

    /* What is left is set, above the capacity too (a top-up): from full, take the difference or add it. */
    static void setAvailable(Bucket bucket, RateLimit limit, long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("What is left cannot be negative, got " + tokens);
        }
        bucket.reset();
        if (tokens < limit.capacity()) {
            bucket.consumeIgnoringRateLimits(limit.capacity() - tokens);
        }
        else if (tokens > limit.capacity()) {
            bucket.forceAddTokens(tokens - limit.capacity());
        }
    }

    /*
     * The buckets of a store by limit and caller, on the application's clock: each dropped once it
     * would be full again (a new one is the same), the least recently used first beyond the maximum.
     */
    static <B> Cache<BucketKey, B> cache(Clock clock, long maximum) {
        return Caffeine.newBuilder().maximumSize(maximum).executor(Runnable::run)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.accessing((BucketKey key, B bucket) -> untilFull(key.limit()))).build();
    }

    /* Empty to full: the capacity at the limit's pace, and a second more. */
    private static Duration untilFull(RateLimit limit) {
        return limit.per().multipliedBy(limit.capacity()).dividedBy(limit.limit()).plusSeconds(1);
    }

    static RateLimiter.Consumption consumption(ConsumptionProbe probe) {
        return new RateLimiter.Consumption(probe.isConsumed(), true, probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()), Duration.ofNanos(probe.getNanosToWaitForReset()));
    }

    /* The application's clock, so that tests move time for buckets as for everything else. */
    static TimeMeter time(Clock clock) {
        return new ClockTimeMeter(clock);
    }

    /* A caller's bucket within a limit. */
    record BucketKey(RateLimit limit, String bucket) {
    }

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
