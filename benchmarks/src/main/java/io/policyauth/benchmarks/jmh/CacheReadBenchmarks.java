package io.policyauth.benchmarks.jmh;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What a hit costs in a cache built as policy-auth builds its per-request caches (bounded, expiry per
 * entry, upkeep on the reading thread), read by two threads at once as a loaded server reads it: a
 * read Caffeine records for its eviction policy, a quiet read, and a read recorded one time in
 * {@value #RECORDED_ONE_IN}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class CacheReadBenchmarks {

    static final int RECORDED_ONE_IN = 16;

    private static final int KEYS = 1_000;

    private Cache<String, String> cache;
    private Policy<String, String> quietly;
    private String[] keys;

    @Setup
    public void setUp() {
        cache = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run)
                .expireAfter(Expiry.<String, String>creating((key, value) -> Duration.ofHours(1))).build();
        quietly = cache.policy();
        keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "token-" + i;
            cache.put(keys[i], "user-" + i);
        }
    }

    /** @return a hot key, a new string as each request brings (its hash not cached) */
    private String key() {
        return new String(keys[ThreadLocalRandom.current().nextInt(8)]);
    }

    @Benchmark
    public String recordedRead() {
        return cache.getIfPresent(key());
    }

    @Benchmark
    public String quietRead() {
        return quietly.getIfPresentQuietly(key());
    }

    @Benchmark
    public String sampledRead() {
        String key = key();
        return ThreadLocalRandom.current().nextInt(RECORDED_ONE_IN) == 0 ? cache.getIfPresent(key)
                : quietly.getIfPresentQuietly(key);
    }
}
