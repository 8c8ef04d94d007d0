package io.policyauth.benchmarks.jmh;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;

import io.policyauth.core.OutageLog;
import io.policyauth.ratelimit.InMemoryRateLimiter;
import io.policyauth.ratelimit.RateLimit;
import io.policyauth.ratelimit.RateLimitKey;
import io.policyauth.ratelimit.RateLimiter;
import io.policyauth.ratelimit.RedisRateLimiter;

/**
 * What counting one request costs the counter itself: in memory, and in Redis (a {@code redis-server}
 * from the PATH, started here on a free port) with each request counted there ({@code localBatch} 0)
 * or served from the instance's copy of the bucket between synchronizations ({@code localBatch} 100).
 * One caller, one limit never reached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RedisRateLimitBenchmarks {

    @Param({"0", "100"})
    public long localBatch;

    private final RateLimit roomy = new RateLimit("roomy", 1_000_000_000L, Duration.ofMinutes(1), 0,
            RateLimitKey.CALLER);
    private Process redis;
    private RedisClient client;
    private RedisRateLimiter shared;
    private RateLimiter memory;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").start();
        for (int attempt = 0; ; attempt++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            }
            catch (java.io.IOException notYet) {
                if (attempt > 100) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
        client = RedisClient.create("redis://127.0.0.1:" + port);
        shared = new RedisRateLimiter(client, Duration.ofSeconds(1), localBatch, Clock.systemUTC(),
                new OutageLog(LoggerFactory.getLogger(RedisRateLimitBenchmarks.class), "Redis", Duration.ofSeconds(30),
                        Clock.systemUTC()));
        memory = new InMemoryRateLimiter(Clock.systemUTC());
    }

    @Benchmark
    public RateLimiter.Consumption consumeInMemory() {
        return memory.consume(roomy, "caller:jwt:alice", 1);
    }

    @Benchmark
    public RateLimiter.Consumption consumeInRedis() {
        return shared.consume(roomy, "caller:jwt:alice", 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        shared.close();
        client.shutdown();
        redis.destroy();
        redis.waitFor();
    }
}
