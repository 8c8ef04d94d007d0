package io.policyauth.autoconfigure.ratelimit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.core.CreditSpending;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.core.RateLimitGuard;
import io.policyauth.ratelimit.CallerLimitedExecutor;
import io.policyauth.ratelimit.RateLimit;
import io.policyauth.ratelimit.RateLimitedExecutor;
import io.policyauth.ratelimit.RateLimiter;

/**
 * The rate limits of {@code policy-auth.rate-limits}, checked at start, and what puts a policy
 * under one of them.
 */
public final class ConfiguredRateLimits implements RateLimitGuard {

    static final String PREFIX = RateLimitStoreProperties.PREFIX;

    private static final String WHAT_TO_DO = "Correct the configuration named above; the README lists every "
            + "property and what it takes.";

    private final Map<String, RateLimit> limits = new LinkedHashMap<>();
    private final RateLimiter limiter;
    private final ClientAddressSource addresses;
    private final Clock clock;
    private final ObjectProvider<CreditSpending> spending;

    ConfiguredRateLimits(RateLimitProperties properties, RateLimiter limiter, ClientAddressSource addresses,
            Clock clock, ObjectProvider<CreditSpending> spending) {
        this.limiter = limiter;
        this.addresses = addresses;
        this.clock = clock;
        this.spending = spending;
        properties.getRateLimits().forEach((name, limit) -> {
            try {
                limits.put(name, new RateLimit(name, limit.getLimit(), limit.getPer(), limit.getBurst(),
                        limit.getKey()));
            }
            catch (IllegalArgumentException | NullPointerException invalid) {
                throw new PolicyAuthConfigurationException(PREFIX + "." + name + ": " + invalid.getMessage(),
                        WHAT_TO_DO, invalid);
            }
        });
    }

    @Override
    public AuthExecutor callerLimited(AuthExecutor policy, long cost) {
        return CallerLimitedExecutor.around(policy, limits, limiter, cost, clock,
                spending.getIfAvailable(() -> CreditSpending.NONE));
    }

    /**
     * @param name a limit's name
     * @return whether {@code policy-auth.rate-limits} configures it
     */
    public boolean isConfigured(String name) {
        return limits.containsKey(name);
    }

    @Override
    public AuthExecutor limited(AuthExecutor policy, String limit, long cost, String origin) {
        RateLimit configured = limits.get(limit);
        if (configured == null) {
            throw new PolicyAuthConfigurationException(origin + " names '" + limit + "', which is not one of "
                    + PREFIX + ": " + limits.keySet(), "Define it under " + PREFIX + "." + limit
                    + " (limit, per, burst, key), or name another.");
        }
        try {
            return new RateLimitedExecutor(policy, configured, cost, limiter, addresses);
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException(origin + ": " + invalid.getMessage(), WHAT_TO_DO, invalid);
        }
    }
}
