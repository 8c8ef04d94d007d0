package io.policyauth.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.NopeOptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.distributed.proxy.optimization.delay.DelayOptimization;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.OutageLog;

/**
 * Rate limits counted in Redis, shared by every instance: Bucket4j's buckets (compare-and-swap in
 * Lua) on a connection of the application's Lettuce client, each key expiring once its bucket would
 * be full again. With a local batch of {@code n}, an instance takes up to {@code n} requests from
 * its copy of a bucket before it counts them in Redis (Bucket4j's delaying optimization): a limit
 * then admits at most {@code n} more per instance, in exchange for fewer round trips. Redis not
 * answering within the timeout is an {@link AuthUnavailableException}; the connection is made at
 * start ({@link #connectNow()}) or on first use, and again after a failed attempt, so the
 * application starts, and recovers, without Redis.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    /** What every key of policy-auth's buckets starts with. */
    public static final String KEY_PREFIX = "policy-auth:rate-limit:";

    private static final long MAXIMUM_BUCKETS = 100_000;
    /* How long a local batch may go uncounted in Redis, however few it admitted. */
    private static final Duration LOCAL_BATCH_TIMEOUT = Duration.ofSeconds(1);
    /*
     * Between two attempts to connect, when Redis was not there: measured on System.nanoTime, as it
     * paces a server in real time whatever the application's clock says (tests stop that one).
     */
    private static final long RECONNECT_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private final AbstractRedisClient client;
    private final Duration timeout;
    private final long localBatch;
    private final TimeMeter time;
    private final Cache<TokenBuckets.BucketKey, BucketProxy> buckets;
    private final OutageLog outages;
    private final Object connecting = new Object();
    private volatile @Nullable Connected connected;
    /* Guarded by connecting; as if an attempt had just failed a pause ago, so the first one is made at once. */
    private long lastFailedAttempt = System.nanoTime() - RECONNECT_PAUSE_NANOS;

    /**
     * @param client the application's Lettuce client (standalone or cluster)
     * @param timeout how long a request waits for Redis
     * @param localBatch requests an instance may admit before counting them in Redis; 0 counts each
     * @param clock the time buckets refill by; every instance's must agree
     * @param outages says when Redis cannot be used, and when it answers again
     */
    public RedisRateLimiter(AbstractRedisClient client, Duration timeout, long localBatch, Clock clock,
            OutageLog outages) {
        if (localBatch < 0) {
            throw new IllegalArgumentException("local-batch must not be negative, got " + localBatch);
        }
        this.client = client;
        this.timeout = timeout;
        this.localBatch = localBatch;
        this.time = TokenBuckets.time(clock);
        this.outages = outages;
        // The proxies hold a local batch's state; without one they are cheap but kept alike.
        this.buckets = TokenBuckets.cache(clock, MAXIMUM_BUCKETS);
    }

    @Override
    public Consumption consume(RateLimit limit, String bucket, long cost) {
        return asked(() -> TokenBuckets.consumption(bucket(limit, bucket).tryConsumeAndReturnRemaining(cost)));
    }

    @Override
    public long available(RateLimit limit, String bucket) {
        return asked(() -> bucket(limit, bucket).getAvailableTokens());
    }

    @Override
    public void setAvailable(RateLimit limit, String bucket, long tokens) {
        asked(() -> {
            TokenBuckets.setAvailable(bucket(limit, bucket), limit, tokens);
            return null;
        });
    }

    private BucketProxy bucket(RateLimit limit, String bucket) {
        return buckets.get(new TokenBuckets.BucketKey(limit, bucket), this::bucket);
    }

    /* Whatever Redis or the connection throws is the store being unavailable. */
    private <T> T asked(Supplier<T> call) {
        T answer;
        try {
            answer = call.get();
        }
        catch (AuthUnavailableException | IllegalArgumentException expected) {
            throw expected;
        }
        catch (RuntimeException failure) {
            outages.failed(failure);
            throw unavailable(failure);
        }
        outages.succeeded();
        return answer;
    }

    @Override
    public boolean mayBlock() {
        return true;
    }

    /**
     * Connects now, so that the first requests do not wait for it; without Redis (said in the
     * outage log), it is tried again when a request needs it.
     */
    public void connectNow() {
        try {
            proxies();
        }
        catch (AuthUnavailableException notYet) {
            // Said by the outage log; requests try again.
        }
    }

    @Override
    public void close() {
        Connected open = connected;
        if (open != null) {
            open.connection().close();
        }
    }

    /*
     * Concurrent requests to one bucket in this instance share a round trip (batching: exact, and
     * no compare-and-swap race among them); a local batch serves them from the instance's copy.
     */
    private BucketProxy bucket(TokenBuckets.BucketKey key) {
        RemoteBucketBuilder<byte[]> builder = proxies().builder().withOptimization(localBatch > 0
                ? new DelayOptimization(new DelayParameters(localBatch, LOCAL_BATCH_TIMEOUT),
                        NopeOptimizationListener.INSTANCE, time)
                : Optimizations.batching());
        return builder.build(redisKey(key), () -> BucketConfiguration.builder()
                .addLimit(TokenBuckets.bandwidth(key.limit())).build());
    }

    /* The limit's figures are in the key: a changed limit starts new buckets rather than reading old ones. */
    private static byte[] redisKey(TokenBuckets.BucketKey key) {
        RateLimit limit = key.limit();
        return (KEY_PREFIX + limit.name() + ":" + limit.limit() + "/" + limit.per().toMillis() + "/"
                + limit.burst() + (limit.refilled() ? "" : "/pool") + ":" + key.bucket())
                .getBytes(StandardCharsets.UTF_8);
    }

    private ProxyManager<byte[]> proxies() {
        Connected open = connected;
        if (open != null) {
            return open.proxies();
        }
        synchronized (connecting) {
            if (connected == null) {
                if (System.nanoTime() - lastFailedAttempt < RECONNECT_PAUSE_NANOS) {
                    throw unavailable(null);
                }
                try {
                    connected = connect();
                }
                catch (RuntimeException failure) {
                    lastFailedAttempt = System.nanoTime();
                    outages.failed(failure);
                    throw unavailable(failure);
                }
            }
            return connected.proxies();
        }
    }

    private Connected connect() {
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<byte[], byte[]> connection = cluster.connect(ByteArrayCodec.INSTANCE);
            return new Connected(connection, configure(Bucket4jLettuce.casBasedBuilder(connection)));
        }
        StatefulRedisConnection<byte[], byte[]> connection = ((RedisClient) client).connect(ByteArrayCodec.INSTANCE);
        return new Connected(connection, configure(Bucket4jLettuce.casBasedBuilder(connection)));
    }

    private ProxyManager<byte[]> configure(Bucket4jLettuce.LettuceBasedProxyManagerBuilder<byte[]> builder) {
        return builder.clientClock(time).requestTimeout(timeout)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(1)))
                .build();
    }

    private static AuthUnavailableException unavailable(@Nullable Throwable cause) {
        return new AuthUnavailableException("rate_limit_store_unavailable", "The request cannot be counted against "
                + "its rate limit right now.", null, cause);
    }

    private record Connected(StatefulConnection<byte[], byte[]> connection, ProxyManager<byte[]> proxies) {
    }
}
