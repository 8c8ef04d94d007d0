package io.policyauth.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.policyauth.core.Enforcement;
import io.policyauth.core.PolicyDefinition;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.Requirements;
import io.policyauth.web.RouteRule;

/** Turns {@code policy-auth.policies}, {@code routes} and {@code mode} into core and web values. */
public final class ConfiguredPolicies {

    private ConfiguredPolicies() {
    }

    static List<PolicyDefinition> definitions(PolicyAuthProperties properties) {
        List<PolicyDefinition> definitions = new ArrayList<>();
        properties.getPolicies().forEach((name, policy) -> {
            String property = PolicyAuthProperties.PREFIX + ".policies." + name;
            boolean anyOf = !policy.getAnyOf().isEmpty();
            boolean allOf = !policy.getAllOf().isEmpty();
            if (anyOf == allOf) {
                throw new IllegalStateException(property + ": set exactly one of any-of and all-of");
            }
            definitions.add(new PolicyDefinition(name,
                    anyOf ? PolicyDefinition.Combination.ANY_OF : PolicyDefinition.Combination.ALL_OF,
                    anyOf ? policy.getAnyOf() : policy.getAllOf(),
                    requirements(property, policy.getScopes(), policy.getRoles())));
        });
        return definitions;
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
                throw new IllegalStateException(property + ".pattern is required");
            }
            if (route.getPolicy().isEmpty()) {
                throw new IllegalStateException(property + ".policy is required");
            }
            try {
                routes.add(RouteRule.of(route.getPattern(), new HashSet<>(route.getMethods()), route.getPolicy(),
                        requirements(property, route.getScopes(), route.getRoles()), caseSensitive));
            }
            catch (IllegalArgumentException invalid) {
                throw new IllegalStateException(property + ": " + invalid.getMessage(), invalid);
            }
        }
        return routes;
    }

    private static Requirements requirements(String property, List<String> scopes, List<String> roles) {
        try {
            return Requirements.of(scopes, roles);
        }
        catch (IllegalArgumentException invalid) {
            throw new IllegalStateException(property + ": " + invalid.getMessage(), invalid);
        }
    }
}
