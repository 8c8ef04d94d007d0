package io.policyauth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;

import io.policyauth.core.BackgroundTasks;

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

    private final BufferedWrites<String, Instant> writes;

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
        Objects.requireNonNull(store, "store");
        this.writes = new BufferedWrites<>("last-used times", capacity, flushInterval,
                new BufferedWrites.Meters(registry, "API key uses", DROPPED, FAILED), tasks, clock,
                LoggerFactory.getLogger(LastUsedRecorder.class), store::touchLastUsed);
    }

    /**
     * Notes a use. Never blocks on the store and never throws.
     *
     * @param keyId the key id
     * @param at when the key was accepted
     */
    public void record(String keyId, Instant at) {
        Instant buffered = writes.buffered(keyId);
        if (buffered != null && at.getEpochSecond() <= buffered.getEpochSecond()) {
            // A busy key would otherwise take the map's lock on every request.
            return;
        }
        writes.merge(keyId, at, (old, now) -> now.isAfter(old) ? now : old);
    }

    /** Writes every buffered use now; a failure is counted and logged, not thrown. */
    public void flush() {
        writes.flush();
    }

    /** Writes what is buffered, so that nothing is lost on shutdown. */
    @Override
    public void close() {
        flush();
    }
}
