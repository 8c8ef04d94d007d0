package io.policyauth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.OutageLog;

/**
 * What request paths note for the store, per key, written in the background: a bounded buffer
 * drained by the background tasks every flush interval. A full buffer drops the note, a failed write
 * the batch; both are counted, neither ever affects a request.
 *
 * @param <K> what notes are kept by
 * @param <V> a note
 */
final class BufferedWrites<K, V> implements AutoCloseable {

    private final int capacity;
    private final Consumer<Map<K, V>> write;
    private final Map<K, V> pending = new ConcurrentHashMap<>();
    private final Counter dropped;
    private final Counter failed;
    private final OutageLog outages;

    /**
     * @param what what is written, as the log and the task name say it ({@code last-used times})
     * @param capacity most distinct keys buffered between two flushes
     * @param flushInterval time between two background flushes
     * @param meters the counters of dropped and failed notes, with the registry they go to
     * @param tasks runs the flushes
     * @param clock the application's clock, for spacing the warnings about a store that is down
     * @param logger where a store that is down is said
     * @param write writes one batch to the store
     */
    BufferedWrites(String what, int capacity, Duration flushInterval, Meters meters, BackgroundTasks tasks,
            Clock clock, Logger logger, Consumer<Map<K, V>> write) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The buffer of " + what + " must hold at least 1, got " + capacity);
        }
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("The flush interval of " + what + " must be positive, got "
                    + flushInterval);
        }
        this.capacity = capacity;
        this.write = write;
        this.dropped = Counter.builder(meters.dropped()).description(meters.notes() + " not recorded: buffer full")
                .register(meters.registry());
        this.failed = Counter.builder(meters.failed()).description(meters.notes() + " not recorded: write failed")
                .register(meters.registry());
        this.outages = new OutageLog(logger, "the API key store, for " + what, OutageLog.DEFAULT_INTERVAL, clock);
        tasks.scheduleRepeatedly("API key " + what + " writes", flushInterval, this::flush);
    }

    /**
     * @param key a key
     * @return its note buffered now, or {@code null}
     */
    @Nullable V buffered(K key) {
        return pending.get(key);
    }

    /**
     * Merges a note into the key's, when there is room for a new key (counted as dropped otherwise).
     *
     * @param key a key
     * @param note the note
     * @param merge how two notes of one key become one
     */
    void merge(K key, V note, BinaryOperator<V> merge) {
        if (room(key)) {
            pending.merge(key, note, merge);
        }
    }

    /**
     * @param key a key
     * @param create its first note
     * @return the key's note, created when there is room; {@code null} (counted as dropped) when not
     */
    @Nullable V noteOf(K key, Function<K, V> create) {
        V note = pending.get(key);
        return note != null ? note : room(key) ? pending.computeIfAbsent(key, create) : null;
    }

    /* size() is approximate under contention, so the bound may be exceeded by a few entries. */
    private boolean room(K key) {
        if (pending.size() >= capacity && !pending.containsKey(key)) {
            dropped.increment();
            return false;
        }
        return true;
    }

    /** Writes every buffered note now; a failure is counted and logged, not thrown. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<K, V> batch = new HashMap<>();
        for (K key : pending.keySet()) {
            V note = pending.remove(key);
            if (note != null) {
                batch.put(key, note);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            write.accept(batch);
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

    /**
     * The counters of notes not written.
     *
     * @param registry where they are registered
     * @param notes what the notes are, as the counters' descriptions say it
     * @param dropped the name of the counter of notes dropped: buffer full
     * @param failed the name of the counter of notes lost: write failed
     */
    record Meters(MeterRegistry registry, String notes, String dropped, String failed) {
    }
}
