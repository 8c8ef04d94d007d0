package io.policyauth.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.Enforcement;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.core.PolicyDefinition;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.RateLimitGuard;
import io.policyauth.core.RateLimitUse;
import io.policyauth.core.Requirements;
import io.policyauth.core.ResourceRule;
import io.policyauth.web.RouteRule;

/** Turns {@code policy-auth.policies}, {@code routes} and {@code mode} into core and web values. */
public final class ConfiguredPolicies {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Correct the configuration named above; the README lists every property "
            + "and what it takes.";

    private ConfiguredPolicies() {
    }

    static List<PolicyDefinition> definitions(PolicyAuthProperties properties) {
        List<PolicyDefinition> definitions = new ArrayList<>();
        properties.getPolicies().forEach((name, policy) -> {
            String property = PolicyAuthProperties.PREFIX + ".policies." + name;
            boolean anyOf = !policy.getAnyOf().isEmpty();
            boolean allOf = !policy.getAllOf().isEmpty();
            if (anyOf == allOf) {
                throw new PolicyAuthConfigurationException(property + ": set exactly one of any-of and all-of",
                        WHAT_TO_DO);
            }
            definitions.add(new PolicyDefinition(name,
                    anyOf ? PolicyDefinition.Combination.ANY_OF : PolicyDefinition.Combination.ALL_OF,
                    anyOf ? policy.getAnyOf() : policy.getAllOf(),
                    requirements(property, policy)));
        });
        return definitions;
    }

    /**
     * @param composed the named policies, composed
     * @param properties the configuration, which names their rate limits
     * @param rateLimits the configured rate limits, or {@code null} without the rate-limit auto-configuration
     * @return each named policy, under its rate limit when it names one
     */
    static List<AuthExecutor> rateLimited(List<AuthExecutor> composed, PolicyAuthProperties properties,
            @Nullable RateLimitGuard rateLimits) {
        List<AuthExecutor> limited = new ArrayList<>(composed.size());
        for (AuthExecutor policy : composed) {
            PolicyAuthProperties.NamedPolicy named = properties.getPolicies().get(policy.policy());
            String property = PolicyAuthProperties.PREFIX + ".policies." + policy.policy();
            if (named == null || named.getRateLimit() == null || named.getRateLimit().isBlank()) {
                limited.add(policy);
            }
            else if (rateLimits == null) {
                throw new PolicyAuthConfigurationException(property + ".rate-limit is set, and rate limits are not "
                        + "configured in this application", "Keep RateLimitAutoConfiguration, or remove the limit.");
            }
            else {
                limited.add(rateLimits.limited(policy, named.getRateLimit(), named.getCost(),
                        property + ".rate-limit"));
            }
        }
        return limited;
    }

    static PolicyModes modes(PolicyAuthProperties properties) {
        Map<String, Enforcement> perPolicy = new LinkedHashMap<>();
        properties.getPolicies().forEach((name, policy) -> {
            if (policy.getMode() != null) {
                perPolicy.put(name, policy.getMode());
            }
        });
        return new PolicyModes(properties.getMode(), perPolicy);
    }

    public static List<RouteRule> routes(PolicyAuthProperties properties) {
        return routes(PolicyAuthProperties.PREFIX + ".routes", properties.getRoutes(), true);
    }

    /**
     * @param prefix where the rules are configured, for messages
     * @param configured the rules
     * @param caseSensitive whether patterns match paths with regard to case
     * @return the rules, parsed
     * @throws IllegalStateException naming the rule that is incomplete or malformed
     */
    public static List<RouteRule> routes(String prefix, List<PolicyAuthProperties.Route> configured,
            boolean caseSensitive) {
        List<RouteRule> routes = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            PolicyAuthProperties.Route route = configured.get(i);
            String property = prefix + "[" + i + "]";
            if (route.getPattern() == null || route.getPattern().isBlank()) {
                throw new PolicyAuthConfigurationException(property + ".pattern is required", WHAT_TO_DO);
            }
            if (route.getPolicy().isEmpty()) {
                throw new PolicyAuthConfigurationException(property + ".policy is required", WHAT_TO_DO);
            }
            try {
                RouteRule rule = RouteRule.of(route.getPattern(), new HashSet<>(route.getMethods()), route.getPolicy(),
                        requirements(property, route), route.getTenant(), resource(route.getResource()),
                        caseSensitive);
                routes.add(route.getRateLimit() == null ? rule
                        : rule.withRateLimit(new RateLimitUse(route.getRateLimit(), route.getCost())));
            }
            catch (IllegalArgumentException invalid) {
                throw new PolicyAuthConfigurationException(property + ": " + invalid.getMessage(), WHAT_TO_DO, invalid);
            }
        }
        return routes;
    }

    private static @Nullable ResourceRule resource(PolicyAuthProperties.@Nullable ResourceRule configured) {
        if (configured == null) {
            return null;
        }
        String id = configured.getId() == null ? "" : configured.getId();
        if (configured.getKind() == null || configured.getKind().isBlank()) {
            throw new IllegalArgumentException("resource.kind is required");
        }
        if (!(id.startsWith("{") && id.endsWith("}")) || id.length() < 3) {
            throw new IllegalArgumentException("resource.id '" + id + "' is not a variable of the pattern, as "
                    + "{documentId}");
        }
        return new ResourceRule(configured.getKind(), id.substring(1, id.length() - 1),
                configured.getAction().isBlank() ? null : configured.getAction());
    }

    private static Requirements requirements(String property, RequirementsProperties required) {
        try {
            return required.toRequirements();
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException(property + ": " + invalid.getMessage(), WHAT_TO_DO, invalid);
        }
    }
}
