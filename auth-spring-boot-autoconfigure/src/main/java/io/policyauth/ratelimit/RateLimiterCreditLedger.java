package io.policyauth.ratelimit;

import java.time.Clock;

import io.policyauth.core.CreditAllowance;
import io.policyauth.core.CreditLedger;

/** Credits kept where the rate limits are counted (memory or Redis), in the current period's pool. */
public final class RateLimiterCreditLedger implements CreditLedger {

    private final RateLimiter limiter;
    private final Clock clock;

    /**
     * @param limiter where the pools are
     * @param clock the time that says which period it is
     */
    public RateLimiterCreditLedger(RateLimiter limiter, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    @Override
    public long remaining(String bucket, CreditAllowance allowance) {
        return limiter.available(CreditPools.pool(allowance), CreditPools.bucket(bucket, allowance, clock.instant()));
    }

    @Override
    public void setRemaining(String bucket, CreditAllowance allowance, long remaining) {
        limiter.setAvailable(CreditPools.pool(allowance), CreditPools.bucket(bucket, allowance, clock.instant()),
                remaining);
    }
}
