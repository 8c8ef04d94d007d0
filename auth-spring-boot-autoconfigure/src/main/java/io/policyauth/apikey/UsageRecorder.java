package io.policyauth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.CreditSpending;
import io.policyauth.core.DecisionListener;
import io.policyauth.core.Outcome;

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

    private static final long SECONDS_PER_DAY = 86_400;

    private final Map<Outcome, Counter> requests = new EnumMap<>(Outcome.class);
    private final BufferedWrites<DayOfKey, Counts> writes;

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
        Objects.requireNonNull(store, "store");
        this.writes = new BufferedWrites<>("usage", capacity, flushInterval,
                new BufferedWrites.Meters(registry, "API key usage", DROPPED, FAILED), tasks, clock,
                LoggerFactory.getLogger(UsageRecorder.class), batch -> store.addUsage(
                        batch.entrySet().stream().map(day -> day.getValue().usage(day.getKey())).toList()));
        // Registered once: looked up on every key request otherwise.
        for (Outcome outcome : Outcome.values()) {
            requests.put(outcome, Counter.builder(REQUESTS).tag("outcome", outcome.tag())
                    .description("Decisions on requests made with a known API key").register(registry));
        }
    }

    @Override
    public boolean wants(Outcome outcome, @Nullable AuthenticatedUser caller) {
        return caller != null && !caller.isAnonymous() && DbApiKeyExecutor.MECHANISM.equals(caller.mechanism())
                && caller.tokenId() != null;
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
        // The UTC day by arithmetic: on Java 17, LocalDate.ofInstant builds the offset's rules anew each call.
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY));
        return writes.noteOf(new DayOfKey(keyId, day), key -> new Counts());
    }

    /** Adds every buffered count to the store now; a failure is counted and logged, not thrown. */
    public void flush() {
        writes.flush();
    }

    /** Writes what is buffered, so that nothing is lost on shutdown. */
    @Override
    public void close() {
        writes.close();
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
