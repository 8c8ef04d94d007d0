package io.policyauth.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where policy-auth works in the background (denylist and key revocation
 * refreshes, last-used and audit writes, JWK Set refreshes), on one small pool of daemon threads.
 * Tasks scheduled before {@link #start()} wait for it, so nothing runs before the application is
 * ready; {@link #close()} stops everything. The Spring integration starts and stops it with the
 * application context.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTasks.class);

    private final ScheduledThreadPoolExecutor executor;
    private final List<Scheduled> pending = new ArrayList<>();
    private boolean started;

    /**
     * @param threads how many tasks may run at once; tasks are short, so one or two suffice
     */
    public BackgroundTasks(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, "policy-auth-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs a task repeatedly, {@code interval} apart, from {@link #start()} on (at once when
     * already started). A failure is logged and the task runs again next time.
     *
     * @param name what the task does, for logs
     * @param interval the delay between the end of one run and the start of the next; positive
     * @param task the work
     */
    public synchronized void scheduleRepeatedly(String name, Duration interval, Runnable task) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The interval of '" + name + "' must be positive, was " + interval);
        }
        Scheduled scheduled = new Scheduled(name, interval, task);
        if (started) {
            submit(scheduled);
        }
        else {
            pending.add(scheduled);
        }
    }

    /**
     * @return the executor, for libraries that take one (Nimbus's JWK Set refresh); closing it is
     *         this object's job, never theirs
     */
    public ScheduledExecutorService executor() {
        return executor;
    }

    /** Starts the tasks scheduled so far. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        pending.forEach(this::submit);
        pending.clear();
    }

    /**
     * @return whether {@link #start()} was called and {@link #close()} was not
     */
    public synchronized boolean isRunning() {
        return started && !executor.isShutdown();
    }

    /** Stops every task; a run in progress is interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Scheduled scheduled) {
        long millis = scheduled.interval().toMillis();
        try {
            executor.scheduleWithFixedDelay(() -> runLogged(scheduled), millis, millis, TimeUnit.MILLISECONDS);
        }
        catch (RejectedExecutionException closed) {
            // A request that starts a refresh while the application shuts down: nothing to run any more.
            log.debug("policy-auth background task '{}' not started: shutting down", scheduled.name());
        }
    }

    private static void runLogged(Scheduled scheduled) {
        try {
            scheduled.task().run();
        }
        catch (RuntimeException failure) {
            // A task that throws would otherwise never run again.
            log.warn("policy-auth background task '{}' failed; it runs again in {}", scheduled.name(),
                    scheduled.interval(), failure);
        }
    }

    private record Scheduled(String name, Duration interval, Runnable task) {
    }
}
