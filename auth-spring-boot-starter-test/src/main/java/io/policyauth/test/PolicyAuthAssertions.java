package io.policyauth.test;

import io.policyauth.web.PolicyMap;

/**
 * AssertJ entry points over what policy-auth enforces, to import statically next to AssertJ's:
 *
 * <pre>{@code
 * assertThat(policyMap).hasOnlyOpenEndpoints("GET /hello", "GET /actuator/health");
 * assertThat(policyMap).endpoint("POST /orders").hasPolicy("private").requiresScopes("orders:write");
 * }</pre>
 */
public final class PolicyAuthAssertions {

    private PolicyAuthAssertions() {
    }

    /**
     * @param policyMap the application's {@link PolicyMap} bean
     * @return assertions over every mapped endpoint's effective policy
     */
    public static PolicyMapAssert assertThat(PolicyMap policyMap) {
        return new PolicyMapAssert(policyMap);
    }
}
