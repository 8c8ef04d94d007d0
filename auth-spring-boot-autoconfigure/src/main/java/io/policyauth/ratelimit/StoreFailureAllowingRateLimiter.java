package io.policyauth.ratelimit;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.core.AuthUnavailableException;

/**
 * A shared store's failures let through ({@code on-store-failure: allow}): while the store cannot
 * be asked, requests are admitted uncounted, each counted in the metric
 * {@value #UNCOUNTED} (tag {@code limit}); the failure is logged once when it starts and once when
 * the store answers again.
 */
public final class StoreFailureAllowingRateLimiter implements RateLimiter {

    /** Requests admitted without being counted, the store unavailable. */
    public static final String UNCOUNTED = "policyauth.rate-limits.uncounted";

    private static final Logger log = LoggerFactory.getLogger(StoreFailureAllowingRateLimiter.class);

    private final RateLimiter store;
    private final MeterRegistry meters;
    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * @param store the shared store
     * @param meters where uncounted requests are counted
     */
    public StoreFailureAllowingRateLimiter(RateLimiter store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    @Override
    public Consumption consume(RateLimit limit, String bucket, long cost) {
        Consumption taken;
        try {
            taken = store.consume(limit, bucket, cost);
        }
        catch (AuthUnavailableException unavailable) {
            if (failing.compareAndSet(false, true)) {
                log.warn("The rate limit store cannot be asked ({}): requests under rate limits are admitted "
                        + "uncounted until it answers (policy-auth.rate-limits.on-store-failure: allow)",
                        unavailable.getCause() == null ? "not connected" : unavailable.getCause().getClass()
                                .getSimpleName());
            }
            meters.counter(UNCOUNTED, "limit", limit.name()).increment();
            return Consumption.uncounted();
        }
        if (failing.compareAndSet(true, false)) {
            log.info("The rate limit store answers again: requests under rate limits are counted");
        }
        return taken;
    }

    /* Managing credits is not a request: the store's failure is the caller's to see. */
    @Override
    public long available(RateLimit limit, String bucket) {
        return store.available(limit, bucket);
    }

    @Override
    public void setAvailable(RateLimit limit, String bucket, long tokens) {
        store.setAvailable(limit, bucket, tokens);
    }

    @Override
    public boolean mayBlock() {
        return store.mayBlock();
    }
}
