package io.policyauth.autoconfigure.apikey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import io.policyauth.apikey.KeyControls;
import io.policyauth.apikey.KeyControlsCheck;
import io.policyauth.apikey.KeyControlsEnforcement;
import io.policyauth.core.AddressRanges;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.core.CreditAllowance;
import io.policyauth.core.PolicyAuthConfigurationException;

/**
 * The keys' controls as the configuration allows them: the plans of {@code policy-auth.api-key.plans}
 * (rate limits, checked at start to be configured, and credits), and the check a key's controls pass
 * before they are stored.
 */
final class ConfiguredKeyControls implements KeyControlsCheck {

    private final Map<String, KeyControlsEnforcement.Plan> plans = new LinkedHashMap<>();
    private final Predicate<String> rateLimitConfigured;
    private final AddressRanges ranges;
    private final KeyControlsEnforcement enforcement;

    /**
     * @param properties the plans
     * @param rateLimitConfigured whether a rate limit of that name is configured
     * @param addresses resolves client addresses behind the trusted proxies
     * @param ranges parses and matches address ranges
     */
    ConfiguredKeyControls(ApiKeyProperties properties, Predicate<String> rateLimitConfigured,
            ClientAddressSource addresses, AddressRanges ranges) {
        this.rateLimitConfigured = rateLimitConfigured;
        this.ranges = ranges;
        properties.getPlans().forEach((name, plan) -> {
            for (String limit : plan.getRateLimits()) {
                if (!rateLimitConfigured.test(limit)) {
                    throw new PolicyAuthConfigurationException("policy-auth.api-key.plans." + name + ".rate-limits "
                            + "names '" + limit + "', which is not one of policy-auth.rate-limits",
                            "Define it under policy-auth.rate-limits." + limit + " (limit, per, burst, key), or name "
                                    + "another.");
                }
            }
            long amount = plan.getCredits().getAmount();
            if (amount < 0) {
                throw new PolicyAuthConfigurationException("policy-auth.api-key.plans." + name + ".credits.amount "
                        + "must not be negative, got " + amount, "Set the uses per period, or 0 for no credits.");
            }
            plans.put(name, new KeyControlsEnforcement.Plan(plan.getRateLimits(),
                    amount == 0 ? null : new CreditAllowance(amount, plan.getCredits().getRefill()),
                    plan.getShared() == ApiKeyProperties.Shared.OWNER));
        });
        this.enforcement = new KeyControlsEnforcement(addresses, ranges, plans);
    }

    KeyControlsEnforcement enforcement() {
        return enforcement;
    }

    @Override
    public void check(KeyControls controls) {
        for (String limit : controls.rateLimits()) {
            if (!rateLimitConfigured.test(limit)) {
                throw new IllegalArgumentException("The rate limit '" + limit + "' is not configured "
                        + "(policy-auth.rate-limits)");
            }
        }
        if (controls.plan() != null && !plans.containsKey(controls.plan())) {
            throw new IllegalArgumentException("The plan '" + controls.plan() + "' is not configured "
                    + "(policy-auth.api-key.plans): " + plans.keySet());
        }
        ranges.check(controls.allowedCidrs());
    }
}
