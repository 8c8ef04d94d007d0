package io.policyauth.ratelimit;

import java.util.Map;
import java.util.stream.Collectors;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.CallerRateLimits;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.DelegatingExecutor;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * Counts a caller with rate limits of its own ({@link AuthenticatedUser#rateLimits()}: an API key's,
 * or its plan's) against them, one per request, on every endpoint, once the policy admitted it;
 * other callers pass untouched. Over one of them, a 429 as for an endpoint's limit; a name that is
 * no longer configured is skipped. Only policies that admit API keys are wrapped ({@link #around}),
 * so that no other endpoint waits on a shared store.
 */
public final class CallerLimitedExecutor extends DelegatingExecutor {

    private final Map<String, CountedLimit> limits;
    private final RateLimiter limiter;

    private CallerLimitedExecutor(AuthExecutor policy, Map<String, CountedLimit> limits, RateLimiter limiter) {
        super(policy);
        this.limits = limits;
        this.limiter = limiter;
    }

    /**
     * @param policy the policy that admits the caller first
     * @param limits the configured limits, by name
     * @param limiter counts the requests
     * @return the policy, counting callers with limits of their own when it admits API keys; else the
     *         policy itself
     */
    public static AuthExecutor around(AuthExecutor policy, Map<String, RateLimit> limits, RateLimiter limiter) {
        if (limits.isEmpty() || !admitsApiKeys(policy.describe())) {
            return policy;
        }
        return new CallerLimitedExecutor(policy, limits.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, entry -> new CountedLimit(entry.getValue()))), limiter);
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
        if (own != null) {
            for (String name : own.names()) {
                CountedLimit limit = limits.get(name);
                if (limit != null) {
                    limit.take(limiter, own.bucket(), 1, user, context);
                }
            }
        }
        return user;
    }
}
