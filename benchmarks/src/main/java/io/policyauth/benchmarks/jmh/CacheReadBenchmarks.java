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

import io.policyauth.cache.SampledReads;

/**
 * What a hit costs in a cache built as policy-auth builds its per-request caches (bounded, expiry per
 * entry, upkeep on the reading thread), read by two threads at once as a loaded server reads it: a
 * read Caffeine records for its eviction policy, a quiet read, and a read through {@link SampledReads}
 * (recorded one time in {@value SampledReads#RECORDED_ONE_IN}), as policy-auth reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class CacheReadBenchmarks {

    private static final int KEYS = 1_000;

    private Cache<String, String> cache;
    private Policy<String, String> quietly;
    private SampledReads<String, String> sampled;
    private String[] keys;

    @Setup
    public void setUp() {
        cache = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run)
                .expireAfter(Expiry.<String, String>creating((key, value) -> Duration.ofHours(1))).build();
        quietly = cache.policy();
        sampled = new SampledReads<>(cache);
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
        return sampled.getIfPresent(key());
    }
}
