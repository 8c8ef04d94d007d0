package io.policyauth.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a local copy of shared state fresh: started by the first request that needs it (so an
 * application that never needs it never connects), read once on that request's thread, then
 * every {@code interval} in the background. A failed read is retried at the next interval and
 * logged at most once per {@code maxStaleness} ({@link OutageLog}); the copy counts as current while the last good read is at most {@code maxStaleness}
 * old, and callers decide what to do when it is not.
 */
public final class PeriodicRefresh {

    private static final Logger log = LoggerFactory.getLogger(PeriodicRefresh.class);

    /* currentUntilMillis before any good read. */
    private static final long NEVER_READ = Long.MIN_VALUE;

    private final String name;
    private final Duration interval;
    private final Duration maxStaleness;
    private final Clock clock;
    private final BackgroundTasks tasks;
    private final Object startLock = new Object();
    private volatile boolean started;
    /* When the last good read stops counting as current, in the clock's millis: asked on every request. */
    private volatile long currentUntilMillis = NEVER_READ;
    private final OutageLog outages;

    /**
     * @param name what is refreshed, for logs and messages
     * @param interval how often it is read
     * @param maxStaleness how old the last good read may be for the copy to count as current
     * @param clock this instance's time
     * @param tasks runs the reads
     * @throws IllegalArgumentException unless {@code 0 < interval <= maxStaleness}
     */
    public PeriodicRefresh(String name, Duration interval, Duration maxStaleness, Clock clock,
            BackgroundTasks tasks) {
        if (interval.isNegative() || interval.isZero() || maxStaleness.compareTo(interval) < 0) {
            throw new IllegalArgumentException("The " + name + " refresh interval must be positive and at most the "
                    + "maximum staleness, got " + interval + " and " + maxStaleness);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.interval = interval;
        this.maxStaleness = maxStaleness;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        // A read fails every interval while the store is down: said once per staleness window.
        this.outages = new OutageLog(log, "the " + name, maxStaleness, clock);
    }

    /**
     * Starts reading, once; later calls return at once.
     *
     * @param read one read; it throws to report a failure
     */
    public void ensureStarted(Runnable read) {
        if (started) {
            return;
        }
        synchronized (startLock) {
            if (started) {
                return;
            }
            run(read);
            tasks.scheduleRepeatedly(name + " refresh", interval, () -> run(read));
            started = true;
        }
    }

    /**
     * @return whether the last good read is at most the maximum staleness old
     */
    public boolean isCurrent() {
        return clock.millis() <= currentUntilMillis;
    }

    /**
     * @return whether no read has succeeded yet
     */
    public boolean neverRead() {
        return currentUntilMillis == NEVER_READ;
    }

    /**
     * @return how often it is read
     */
    public Duration interval() {
        return interval;
    }

    private void run(Runnable read) {
        Instant started = clock.instant();
        try {
            read.run();
            currentUntilMillis = started.plus(maxStaleness).toEpochMilli();
            outages.succeeded();
        }
        catch (RuntimeException failure) {
            outages.failed(failure);
        }
    }
}
