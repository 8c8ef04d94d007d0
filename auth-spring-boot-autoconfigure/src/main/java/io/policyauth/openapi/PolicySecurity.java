package io.policyauth.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.PolicyDefinition;
import io.policyauth.core.PolicyDescription;

/**
 * An operation's {@code security} from its policy's description. OpenAPI's list means any of its
 * requirement objects, and one object means all of its schemes, which is exactly any-of and all-of.
 * A leaf with several schemes (a bearer policy of several issuers, or with an OpenID Connect
 * scheme beside its bearer one) is several alternatives. The scopes required anywhere above a
 * bearer leaf are listed on its requirement. {@code public}, and a leaf that OpenAPI has no scheme
 * for, contribute the empty requirement ({@code {}}: nothing to send).
 */
final class PolicySecurity {

    private final PolicySchemes schemes;

    PolicySecurity(PolicySchemes schemes) {
        this.schemes = schemes;
    }

    /**
     * @param policy the effective policy of an operation
     * @return its {@code security}: empty for a policy that admits anyone and nothing else
     */
    List<SecurityRequirement> requirements(PolicyDescription policy) {
        List<Map<String, List<String>>> alternatives = alternatives(policy, Set.of());
        if (alternatives.stream().allMatch(Map::isEmpty) && policy.admitsAnyone()) {
            return List.of();
        }
        List<SecurityRequirement> requirements = new ArrayList<>();
        for (Map<String, List<String>> alternative : new LinkedHashSet<>(alternatives)) {
            SecurityRequirement requirement = new SecurityRequirement();
            alternative.forEach(requirement::addList);
            requirements.add(requirement);
        }
        return requirements;
    }

    private List<Map<String, List<String>>> alternatives(PolicyDescription policy, Set<String> inheritedScopes) {
        Set<String> scopes = new LinkedHashSet<>(inheritedScopes);
        scopes.addAll(policy.requirements().scopes());
        if (policy.kind().equals(PolicyDefinition.Combination.ANY_OF.kind())) {
            List<Map<String, List<String>>> any = new ArrayList<>();
            policy.members().forEach(member -> any.addAll(alternatives(member.describe(), scopes)));
            return any;
        }
        if (policy.kind().equals(PolicyDefinition.Combination.ALL_OF.kind())) {
            List<Map<String, List<String>>> all = List.of(Map.of());
            for (AuthExecutor member : policy.members()) {
                List<Map<String, List<String>>> combined = new ArrayList<>();
                for (Map<String, List<String>> left : all) {
                    for (Map<String, List<String>> right : alternatives(member.describe(), scopes)) {
                        Map<String, List<String>> both = new LinkedHashMap<>(left);
                        right.forEach((name, list) -> both.merge(name, list, PolicySecurity::union));
                        combined.add(both);
                    }
                }
                all = combined;
            }
            return all;
        }
        Map<String, SecurityScheme> leafSchemes = schemes.schemesOf(policy);
        if (leafSchemes.isEmpty()) {
            return List.of(Map.of());
        }
        boolean bearer = policy.credential() != null
                && policy.credential().type() == CredentialDescription.Type.BEARER_TOKEN;
        List<String> listed = bearer ? List.copyOf(scopes) : List.of();
        List<Map<String, List<String>>> each = new ArrayList<>();
        leafSchemes.keySet().forEach(name -> each.add(Map.of(name, listed)));
        return each;
    }

    private static List<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
