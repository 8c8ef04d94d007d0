package io.policyauth.web.reactive;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * policy-auth's own bounded scheduler, on which the policies that may block run (database and
 * authorizer calls, key fetches) and the gateway endpoints answer when one of their policies may
 * block. It is apart from Reactor's shared {@code boundedElastic}, so neither the application nor
 * policy-auth can starve the other. Disposed with the application context.
 */
public final class DecisionScheduler implements AutoCloseable {

    private final Scheduler scheduler;

    /**
     * @param threads the most threads it runs at once
     * @param queued the most decisions waiting for a thread; beyond it a decision is refused (503)
     */
    public DecisionScheduler(int threads, int queued) {
        this.scheduler = Schedulers.newBoundedElastic(threads, queued, "policy-auth-decisions", 60, true);
    }

    /** Reactor's default sizes: ten threads per processor, 100,000 queued decisions. */
    public DecisionScheduler() {
        this(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE, Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE);
    }

    /**
     * @return the scheduler
     */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.dispose();
    }
}
