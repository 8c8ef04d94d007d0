package io.policyauth.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import io.policyauth.core.AuthUnavailableException;

/**
 * A shared store's failures let through ({@code on-store-failure: allow}): while the store cannot
 * be asked, requests are admitted uncounted, each counted in the metric
 * {@value #UNCOUNTED} (tag {@code limit}). The store itself says when it fails and recovers.
 */
public final class StoreFailureAllowingRateLimiter implements RateLimiter {

    /** Requests admitted without being counted, the store unavailable. */
    public static final String UNCOUNTED = "policyauth.rate-limits.uncounted";

    private final RateLimiter store;
    private final MeterRegistry meters;

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
        try {
            return store.consume(limit, bucket, cost);
        }
        catch (AuthUnavailableException unavailable) {
            meters.counter(UNCOUNTED, "limit", limit.name()).increment();
            return Consumption.uncounted();
        }
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
