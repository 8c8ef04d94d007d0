package io.policyauth.autoconfigure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The one clock of policy-auth: the application's {@link Clock} bean when it has exactly one (so
 * a test's fixed clock moves every expiry, skew and staleness check together), else the system
 * clock in UTC.
 */
public final class ApplicationClock {

    private ApplicationClock() {
    }

    /**
     * @param clock the application's clock beans
     * @return the clock policy-auth uses everywhere
     */
    public static Clock of(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }
}
