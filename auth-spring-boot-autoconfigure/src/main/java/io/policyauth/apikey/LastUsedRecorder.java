package io.policyauth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.OutageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records when keys were last used, off the request path. Uses are buffered per key id, so a busy
 * key costs one write per flush, not one per request, and its last-used time is precise to the
 * second. The buffer is bounded and written by the background tasks. A full buffer drops the use
 * and a failed write loses the batch; both are counted ({@value #DROPPED}, {@value #FAILED}) and
 * neither ever affects a request.
 */
public final class LastUsedRecorder implements AutoCloseable {

    /** Counter of uses not recorded because the buffer was full. */
    public static final String DROPPED = "policyauth.apikey.last_used.dropped";

    /** Counter of uses not recorded because the write failed. */
    public static final String FAILED = "policyauth.apikey.last_used.failed";

    private static final Logger log = LoggerFactory.getLogger(LastUsedRecorder.class);

    private final ApiKeyStore store;
    private final int capacity;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final Counter dropped;
    private final Counter failed;
    private final OutageLog outages;

    /**
     * @param store where last-use times are written
     * @param capacity most distinct keys buffered between two flushes
     * @param flushInterval time between two background flushes
     * @param registry where the counters are registered
     * @param tasks runs the flushes
     * @param clock the application's clock, for spacing the warnings about a store that is down
     */
    public LastUsedRecorder(ApiKeyStore store, int capacity, Duration flushInterval, MeterRegistry registry,
            BackgroundTasks tasks, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Last-used buffer size must be positive, got " + capacity);
        }
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("Last-used flush interval must be positive, got " + flushInterval);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.capacity = capacity;
        this.dropped = Counter.builder(DROPPED).description("API key uses not recorded: buffer full")
                .register(registry);
        this.failed = Counter.builder(FAILED).description("API key uses not recorded: write failed")
                .register(registry);
        this.outages = new OutageLog(log, "the API key store, for last-used times", OutageLog.DEFAULT_INTERVAL, clock);
        tasks.scheduleRepeatedly("API key last-used writes", flushInterval, this::flush);
    }

    /**
     * Notes a use. Never blocks on the store and never throws.
     *
     * @param keyId the key id
     * @param at when the key was accepted
     */
    public void record(String keyId, Instant at) {
        Instant buffered = pending.get(keyId);
        if (buffered != null && at.getEpochSecond() <= buffered.getEpochSecond()) {
            // A busy key would otherwise take the map's lock on every request.
            return;
        }
        // size() is approximate under contention, so the bound may be exceeded by a few entries.
        if (buffered == null && pending.size() >= capacity) {
            dropped.increment();
            return;
        }
        pending.merge(keyId, at, (old, now) -> now.isAfter(old) ? now : old);
    }

    /** Writes every buffered use now; a failure is counted and logged, not thrown. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String keyId : pending.keySet()) {
            Instant at = pending.remove(keyId);
            if (at != null) {
                batch.put(keyId, at);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.touchLastUsed(batch);
            outages.succeeded();
        }
        catch (RuntimeException failure) {
            // Counted every time; said once per interval while the store is down.
            failed.increment(batch.size());
            outages.failed(failure);
        }
    }

    /** Writes what is buffered, so that nothing is lost on shutdown. */
    @Override
    public void close() {
        flush();
    }
}
