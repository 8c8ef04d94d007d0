package io.policyauth.apikey;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AddressRanges;
import io.policyauth.core.CallerRateLimits;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.core.CreditAllowance;
import io.policyauth.core.SecurityRequestContext;

/**
 * What the {@code db_api_key} policy needs to apply a key's controls: where the client address comes
 * from, how ranges are matched, and the configured plans' rate limits.
 *
 * @param addresses resolves the client address behind the trusted proxies
 * @param ranges matches addresses against a key's allowed ranges, or {@code null}: a key with
 *        ranges is then refused everywhere (fail closed)
 * @param plans each plan, by name
 */
public record KeyControlsEnforcement(ClientAddressSource addresses, @Nullable AddressRanges ranges,
        Map<String, Plan> plans) {

    /** Without address matching or plans: keys with allowed ranges are refused. */
    public static final KeyControlsEnforcement NONE = new KeyControlsEnforcement(ClientAddressSource.PEER, null,
            Map.of());

    public KeyControlsEnforcement {
        Objects.requireNonNull(addresses, "addresses");
        plans = Map.copyOf(Objects.requireNonNull(plans, "plans"));
    }

    /**
     * @param key a key's metadata
     * @param context the request it came with
     * @return whether the request's client address is one the key is accepted from
     */
    boolean admitsAddress(ApiKeyMetadata key, SecurityRequestContext context) {
        List<String> allowed = key.controls().allowedCidrs();
        if (allowed.isEmpty()) {
            return true;
        }
        String address = addresses.clientAddress(context);
        return ranges != null && address != null && ranges.contains(allowed, address);
    }

    /**
     * @param key a key's metadata
     * @return its own limits and credits, else its plan's, counted per key or per owner; {@code null}
     *         when it has neither
     */
    @Nullable CallerRateLimits rateLimits(ApiKeyMetadata key) {
        KeyControls controls = key.controls();
        Plan plan = controls.plan() == null ? Plan.NONE : plans.getOrDefault(controls.plan(), Plan.NONE);
        List<String> names = controls.rateLimits().isEmpty() ? plan.rateLimits() : controls.rateLimits();
        CreditAllowance credits = controls.credits() == null ? plan.credits() : controls.credits();
        if (names.isEmpty() && credits == null) {
            return null;
        }
        // Counted as the key, or as its owner when the key or its plan says shared: owner.
        String bucket = controls.sharedByOwner() || plan.sharedByOwner() ? "owner:" + key.owner()
                : "key:" + key.keyId();
        return new CallerRateLimits(names, bucket, credits);
    }

    /**
     * What keys issued under a plan may do.
     *
     * @param rateLimits names of configured rate limits
     * @param credits the uses each key (or owner) may spend, or {@code null}
     * @param sharedByOwner whether the plan's keys of one owner share their limits and credits
     *        ({@code shared: owner})
     */
    public record Plan(List<String> rateLimits, @Nullable CreditAllowance credits, boolean sharedByOwner) {

        static final Plan NONE = new Plan(List.of(), null, false);

        public Plan {
            rateLimits = List.copyOf(rateLimits);
        }
    }
}
