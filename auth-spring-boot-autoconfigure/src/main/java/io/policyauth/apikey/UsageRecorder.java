package io.policyauth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.CreditSpending;
import io.policyauth.core.DecisionListener;
import io.policyauth.core.Outcome;
import io.policyauth.core.OutageLog;

/**
 * Counts what each {@code db_api_key} key does per UTC day (granted, refused by reason, credits
 * spent) off the request path, as {@link LastUsedRecorder} records last use: in a bounded buffer of
 * key-days, added to the store by the background tasks every flush interval. A full buffer drops the
 * count, a failed write the batch; both are counted ({@value #DROPPED}, {@value #FAILED}), neither
 * affects a request. Each decision is also counted in {@value #REQUESTS} by outcome.
 */
public final class UsageRecorder implements DecisionListener, CreditSpending, AutoCloseable {

    /** Counter of key requests by outcome ({@code outcome} tag). */
    public static final String REQUESTS = "policyauth.apikey.requests";
    /** Counter of usage not recorded because the buffer was full. */
    public static final String DROPPED = "policyauth.apikey.usage.dropped";
    /** Counter of usage not recorded because the write failed. */
    public static final String FAILED = "policyauth.apikey.usage.failed";

    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

    private final ApiKeyStore store;
    private final int capacity;
    private final Map<Outcome, Counter> requests = new EnumMap<>(Outcome.class);
    private final Map<DayOfKey, Counts> pending = new ConcurrentHashMap<>();
    private final Counter dropped;
    private final Counter failed;
    private final OutageLog outages;

    /**
     * @param store where usage is added
     * @param capacity most distinct key-days buffered between two flushes
     * @param flushInterval time between two background flushes
     * @param registry where the counters are registered
     * @param tasks runs the flushes
     * @param clock the application's clock, for spacing the warnings about a store that is down
     */
    public UsageRecorder(ApiKeyStore store, int capacity, Duration flushInterval, MeterRegistry registry,
            BackgroundTasks tasks, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Usage buffer size must be positive, got " + capacity);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.capacity = capacity;
        // Registered once: looked up on every key request otherwise.
        for (Outcome outcome : Outcome.values()) {
            requests.put(outcome, Counter.builder(REQUESTS).tag("outcome", outcome.tag())
                    .description("Decisions on requests made with a known API key").register(registry));
        }
        this.dropped = Counter.builder(DROPPED).description("API key usage not recorded: buffer full")
                .register(registry);
        this.failed = Counter.builder(FAILED).description("API key usage not recorded: write failed")
                .register(registry);
        this.outages = new OutageLog(log, "the API key store, for usage", OutageLog.DEFAULT_INTERVAL, clock);
        tasks.scheduleRepeatedly("API key usage writes", flushInterval, this::flush);
    }

    @Override
    public void onDecision(AuthDecisionEvent decision) {
        if (!DbApiKeyExecutor.MECHANISM.equals(decision.mechanism()) || decision.credentialId() == null) {
            return;
        }
        requests.get(decision.outcome()).increment();
        Counts counts = counts(decision.credentialId(), decision.time());
        if (counts == null) {
            return;
        }
        if (decision.outcome() == Outcome.GRANTED) {
            counts.granted.increment();
        }
        else if (decision.reason() != null) {
            counts.refused.computeIfAbsent(decision.reason(), reason -> new LongAdder()).increment();
        }
    }

    @Override
    public void spent(AuthenticatedUser caller, long credits, Instant at) {
        if (!DbApiKeyExecutor.MECHANISM.equals(caller.mechanism()) || caller.tokenId() == null) {
            return;
        }
        Counts counts = counts(caller.tokenId(), at);
        if (counts != null) {
            counts.credits.add(credits);
        }
    }

    private @Nullable Counts counts(String keyId, Instant at) {
        DayOfKey day = new DayOfKey(keyId, LocalDate.ofInstant(at, ZoneOffset.UTC));
        Counts counts = pending.get(day);
        if (counts != null) {
            return counts;
        }
        // size() is approximate under contention, so the bound may be exceeded by a few entries.
        if (pending.size() >= capacity) {
            dropped.increment();
            return null;
        }
        return pending.computeIfAbsent(day, key -> new Counts());
    }

    /** Adds every buffered count to the store now; a failure is counted and logged, not thrown. */
    public void flush() {
        List<KeyUsage> batch = new ArrayList<>();
        for (DayOfKey day : pending.keySet()) {
            Counts counts = pending.remove(day);
            if (counts != null) {
                batch.add(counts.usage(day));
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.addUsage(batch);
            outages.succeeded();
        }
        catch (RuntimeException failure) {
            failed.increment(batch.size());
            outages.failed(failure);
        }
    }

    /** Writes what is buffered, so that nothing is lost on shutdown. */
    @Override
    public void close() {
        flush();
    }

    private record DayOfKey(String keyId, LocalDate day) {
    }

    /* A count taken from the buffer may still be added to by a request in flight: at most a few lost. */
    private static final class Counts {

        private final LongAdder granted = new LongAdder();
        private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
        private final LongAdder credits = new LongAdder();

        KeyUsage usage(DayOfKey day) {
            Map<String, Long> byReason = new TreeMap<>();
            refused.forEach((reason, count) -> byReason.put(reason, count.sum()));
            return new KeyUsage(day.keyId(), day.day(), granted.sum(), byReason, credits.sum());
        }
    }
}
