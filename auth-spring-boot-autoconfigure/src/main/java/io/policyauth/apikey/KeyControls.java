package io.policyauth.apikey;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.CreditAllowance;

/**
 * What a key may do beyond its scopes, set when it is issued and changeable later through
 * {@link ApiKeyManager#setControls}: its own rate limits and credits or a plan's, the client
 * addresses it is accepted from, and whether the keys of its owner share their limits and credits.
 *
 * @param rateLimits names of {@code policy-auth.rate-limits} that count this key's requests in place
 *        of the endpoint's limit; empty for the plan's, or the endpoint's
 * @param plan a plan of {@code policy-auth.api-key.plans} whose limits apply when the key names none,
 *        or {@code null}
 * @param allowedCidrs the client address ranges the key is accepted from (resolved behind the trusted
 *        proxies), as {@code 203.0.113.0/24}; empty for anywhere
 * @param sharedByOwner whether the key counts against limits and credits shared by every key of its
 *        owner ({@code shared: owner}) rather than its own
 * @param credits the uses the key may spend (each request its endpoint's cost), refilled or not;
 *        {@code null} for the plan's, or none
 */
public record KeyControls(List<String> rateLimits, @Nullable String plan, List<String> allowedCidrs,
        boolean sharedByOwner, @Nullable CreditAllowance credits) {

    /** No limits, credits, plan or address restriction of the key's own. */
    public static final KeyControls NONE = new KeyControls(List.of(), null, List.of(), false, null);

    public KeyControls {
        rateLimits = List.copyOf(Objects.requireNonNull(rateLimits, "rateLimits"));
        allowedCidrs = List.copyOf(Objects.requireNonNull(allowedCidrs, "allowedCidrs"));
        if (plan != null && plan.isBlank()) {
            throw new IllegalArgumentException("A key's plan must not be blank");
        }
    }

    /**
     * @param names limits of {@code policy-auth.rate-limits}
     * @return these controls with the key's own limits
     */
    public KeyControls withRateLimits(List<String> names) {
        return new KeyControls(names, plan, allowedCidrs, sharedByOwner, credits);
    }

    /**
     * @param name a plan of {@code policy-auth.api-key.plans}, or {@code null} for none
     * @return these controls with the plan
     */
    public KeyControls withPlan(@Nullable String name) {
        return new KeyControls(rateLimits, name, allowedCidrs, sharedByOwner, credits);
    }

    /**
     * @param cidrs the address ranges the key is accepted from; empty for anywhere
     * @return these controls with the ranges
     */
    public KeyControls allowedFrom(List<String> cidrs) {
        return new KeyControls(rateLimits, plan, cidrs, sharedByOwner, credits);
    }

    /**
     * @param shared whether the owner's keys share their limits
     * @return these controls, shared or not
     */
    public KeyControls sharedByOwner(boolean shared) {
        return new KeyControls(rateLimits, plan, allowedCidrs, shared, credits);
    }

    /**
     * @param allowance the uses the key may spend, or {@code null} for the plan's, or none
     * @return these controls with the credits
     */
    public KeyControls withCredits(@Nullable CreditAllowance allowance) {
        return new KeyControls(rateLimits, plan, allowedCidrs, sharedByOwner, allowance);
    }
}
