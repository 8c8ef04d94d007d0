package io.policyauth.test;

import io.policyauth.ratelimit.RateLimit;
import io.policyauth.ratelimit.RateLimiter;

/** The application's {@link RateLimiter}, under the control of {@link TestRateLimits}. */
final class ControlledRateLimiter implements RateLimiter, AutoCloseable {

    private final RateLimiter limiter;
    private final TestRateLimits control;

    ControlledRateLimiter(RateLimiter limiter, TestRateLimits control) {
        this.limiter = limiter;
        this.control = control;
    }

    @Override
    public Consumption consume(RateLimit limit, String bucket, long cost) {
        if (control.isExhausted(limit.name())) {
            return new Consumption(false, true, 0, limit.per(), limit.per());
        }
        return limiter.consume(limit, control.generation() + "/" + bucket, cost);
    }

    @Override
    public long available(RateLimit limit, String bucket) {
        return limiter.available(limit, control.generation() + "/" + bucket);
    }

    @Override
    public void setAvailable(RateLimit limit, String bucket, long tokens) {
        limiter.setAvailable(limit, control.generation() + "/" + bucket, tokens);
    }

    @Override
    public boolean mayBlock() {
        return limiter.mayBlock();
    }

    @Override
    public void close() throws Exception {
        if (limiter instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
