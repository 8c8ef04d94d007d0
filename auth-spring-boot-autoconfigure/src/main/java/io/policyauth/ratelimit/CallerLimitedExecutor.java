package io.policyauth.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.CallerRateLimits;
import io.policyauth.core.CreditAllowance;
import io.policyauth.core.CreditSpending;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.DelegatingExecutor;
import io.policyauth.core.Denial;
import io.policyauth.core.DenialKind;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * Counts a caller with rate limits of its own ({@link AuthenticatedUser#rateLimits()}: an API key's,
 * or its plan's) against them, one per request, on every endpoint, once the policy admitted it,
 * then spends the endpoint's cost from its credits; other callers pass untouched. Over one of the
 * limits, a 429 as for an endpoint's limit (a name that is no longer configured is skipped); credits
 * that do not cover the cost, a 429 {@code usage-exceeded} with nothing spent, and a
 * {@code Retry-After} until the next period when they are refilled. Only policies that admit API
 * keys are wrapped ({@link #around}), so that no other endpoint waits on a shared store.
 */
public final class CallerLimitedExecutor extends DelegatingExecutor {

    /** The reason of a refusal for want of credits. */
    public static final String USAGE_EXCEEDED = "usage_exceeded";

    private final Map<String, CountedLimit> limits;
    private final RateLimiter limiter;
    private final long cost;
    private final Clock clock;
    private final CreditSpending spending;

    private CallerLimitedExecutor(AuthExecutor policy, Map<String, CountedLimit> limits, RateLimiter limiter,
            long cost, Clock clock, CreditSpending spending) {
        super(policy);
        this.limits = limits;
        this.limiter = limiter;
        this.cost = cost;
        this.clock = clock;
        this.spending = spending;
    }

    /**
     * @param policy the policy that admits the caller first
     * @param limits the configured limits, by name
     * @param limiter counts the requests
     * @param cost what a request takes from the caller's credits, at least 1
     * @param clock the time that says which credit period it is
     * @param spending told of the credits each request spends
     * @return the policy, counting callers with limits or credits of their own when it admits API
     *         keys; else the policy itself
     */
    public static AuthExecutor around(AuthExecutor policy, Map<String, RateLimit> limits, RateLimiter limiter,
            long cost, Clock clock, CreditSpending spending) {
        if (!admitsApiKeys(policy.describe())) {
            return policy;
        }
        return new CallerLimitedExecutor(policy, limits.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, entry -> new CountedLimit(entry.getValue()))), limiter, cost, clock, spending);
    }

    private static boolean admitsApiKeys(PolicyDescription policy) {
        return policy.credential() != null && policy.credential().type() == CredentialDescription.Type.API_KEY
                || policy.members().stream().anyMatch(member -> admitsApiKeys(member.describe()));
    }

    @Override
    public boolean mayBlock() {
        return delegate.mayBlock() || limiter.mayBlock();
    }

    @Override
    public boolean mayBlock(SecurityRequestContext context) {
        return delegate.mayBlock(context) || limiter.mayBlock();
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        AuthenticatedUser user = delegate.execute(context);
        CallerRateLimits own = user.rateLimits();
        if (own == null) {
            return user;
        }
        for (String name : own.names()) {
            CountedLimit limit = limits.get(name);
            if (limit != null) {
                limit.take(limiter, own.bucket(), 1, user, context);
            }
        }
        // Last: credits are spent only on a request nothing else refused.
        CreditAllowance credits = own.credits();
        if (credits != null) {
            Instant now = clock.instant();
            RateLimiter.Consumption spent = limiter.consume(CreditPools.pool(credits),
                    CreditPools.bucket(own.bucket(), credits, now), cost);
            if (!spent.admitted()) {
                throw usageExceeded(credits, now, user);
            }
            if (spent.counted()) {
                spending.spent(user, cost, now);
            }
        }
        return user;
    }

    private AuthException usageExceeded(CreditAllowance credits, Instant now, AuthenticatedUser user) {
        Duration untilRefill = CreditPools.untilRefill(credits, now);
        Map<String, String> headers = untilRefill == null ? Map.of()
                : Map.of("Retry-After", Long.toString(CountedLimit.seconds(untilRefill)));
        String detail = "The credits of this API key do not cover the request" + (untilRefill == null ? "."
                : "; they are refilled in " + CountedLimit.seconds(untilRefill) + " second(s).");
        return new AuthException(new Denial(DenialKind.USAGE_EXCEEDED, USAGE_EXCEEDED, detail, List.of(), null,
                headers), null).refusing(user);
    }
}
