package io.policyauth.ratelimit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.core.DelegatingExecutor;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * A policy under a rate limit: once the policy admits the caller (a refused credential costs
 * nothing), the request takes {@code cost} from the caller's bucket; an empty bucket is a 429 with
 * {@code Retry-After} and the IETF headers ({@code draft-ietf-httpapi-ratelimit-headers}, structured
 * fields): {@code RateLimit-Policy: "<name>";q=<limit>;w=<window seconds>} and
 * {@code RateLimit: "<name>";r=<remaining>;t=<seconds until refilled>}. An admitted request's answer
 * carries both headers too. A caller with rate limits of its own (an API key's) is counted against
 * those instead, by {@link CallerLimitedExecutor}.
 */
public final class RateLimitedExecutor extends DelegatingExecutor {

    /** The reason of a refusal over the limit. */
    public static final String RATE_LIMITED = "rate_limited";
    /** The limit: its quota and window. */
    public static final String POLICY_HEADER = "RateLimit-Policy";
    /** What is left of the limit, and when it is full again. */
    public static final String STATE_HEADER = "RateLimit";

    private final RateLimit limit;
    private final long cost;
    private final RateLimiter limiter;
    private final ClientAddressSource addresses;
    private final CountedLimit counted;

    /**
     * @param policy the policy that admits the caller first
     * @param limit the limit
     * @param cost what a request costs, at least 1
     * @param limiter counts the requests
     * @param addresses resolves client addresses behind trusted proxies
     */
    public RateLimitedExecutor(AuthExecutor policy, RateLimit limit, long cost, RateLimiter limiter,
            ClientAddressSource addresses) {
        super(policy);
        if (cost < 1 || cost > limit.capacity()) {
            throw new IllegalArgumentException("the cost must be between 1 and the limit's capacity ("
                    + limit.capacity() + "), got " + cost);
        }
        this.limit = Objects.requireNonNull(limit, "limit");
        this.cost = cost;
        this.limiter = limiter;
        this.addresses = addresses;
        this.counted = new CountedLimit(limit);
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
    public PolicyDescription describe() {
        PolicyDescription policy = delegate.describe();
        Map<String, String> attributes = new LinkedHashMap<>(policy.attributes());
        String by = limit.key().name().toLowerCase(Locale.ROOT).replace('_', '-');
        attributes.put(PolicyDescription.RATE_LIMIT, limit.name() + ": " + limit.limit() + " per "
                + CountedLimit.seconds(limit.per()) + " s" + (limit.burst() > 0 ? ", burst " + limit.burst() : "")
                + ", by " + by + (cost > 1 ? ", cost " + cost : ""));
        if (cost > 1) {
            attributes.put(PolicyDescription.COST, Long.toString(cost));
        }
        return new PolicyDescription(policy.name(), policy.kind(), policy.members(), policy.requirements(),
                policy.credential(), policy.challenges(), attributes);
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        AuthenticatedUser user = delegate.execute(context);
        // A caller with limits of its own (an API key's) is counted against those instead.
        if (user.rateLimits() == null) {
            counted.take(limiter, limit.key().of(user, context, addresses), cost, user, context);
        }
        return user;
    }
}
