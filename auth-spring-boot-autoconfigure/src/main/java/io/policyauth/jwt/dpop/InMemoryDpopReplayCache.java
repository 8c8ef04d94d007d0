package io.policyauth.jwt.dpop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * The proofs this instance has seen, each until it would be too old to pass anyway. Another
 * instance does not see them: with several instances, share them ({@code replay-store: mongo}).
 */
public final class InMemoryDpopReplayCache implements DpopReplayCache {

    /** Most proofs remembered: a minute of proofs at over 15,000 requests a second. */
    public static final long MAXIMUM_SIZE = 1_000_000;

    private final Cache<String, Instant> seen;
    private final Clock clock;

    /**
     * @param clock the time, which proofs expire by
     */
    public InMemoryDpopReplayCache(Clock clock) {
        this.clock = clock;
        this.seen = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).executor(Runnable::run)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.creating((String key, Instant until) -> remaining(until))).build();
    }

    @Override
    public boolean firstUse(String key, Instant until) {
        return seen.asMap().putIfAbsent(key, until) == null;
    }

    private Duration remaining(Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
