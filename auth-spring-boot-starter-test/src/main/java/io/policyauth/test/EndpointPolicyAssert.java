package io.policyauth.test;

import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.AbstractAssert;

import io.policyauth.core.Enforcement;
import io.policyauth.core.Requirements;
import io.policyauth.web.MappedPolicy;
import io.policyauth.web.PolicySource;

/**
 * Assertions over one endpoint's effective policy; every failure names the endpoint and its handler.
 */
public final class EndpointPolicyAssert extends AbstractAssert<EndpointPolicyAssert, MappedPolicy> {

    EndpointPolicyAssert(MappedPolicy actual) {
        super(actual, EndpointPolicyAssert.class);
    }

    /**
     * @param policies the policy names it must have, in order (several: any of them passes)
     * @return this
     */
    public EndpointPolicyAssert hasPolicy(String... policies) {
        if (!actual.policy().equals(List.of(policies))) {
            fail("to have policy " + String.join("|", policies));
        }
        return this;
    }

    /**
     * @param scopes scopes the endpoint must require on top of its policy (others may be required too)
     * @return this
     */
    public EndpointPolicyAssert requiresScopes(String... scopes) {
        if (!actual.requirements().scopes().containsAll(Requirements.of(Arrays.asList(scopes), List.of()).scopes())) {
            fail("to require scopes " + Arrays.toString(scopes));
        }
        return this;
    }

    /**
     * @param roles roles the endpoint must require on top of its policy (others may be required too)
     * @return this
     */
    public EndpointPolicyAssert requiresRoles(String... roles) {
        if (!actual.requirements().roles().containsAll(Arrays.asList(roles))) {
            fail("to require roles " + Arrays.toString(roles));
        }
        return this;
    }

    /**
     * @param permissions permissions the endpoint must require on top of its policy (others may be
     *        required too)
     * @return this
     */
    public EndpointPolicyAssert requiresPermissions(String... permissions) {
        if (!actual.requirements().permissions().containsAll(
                Requirements.of(List.of(), List.of(), Arrays.asList(permissions)).permissions())) {
            fail("to require permissions " + Arrays.toString(permissions));
        }
        return this;
    }

    /**
     * @return this, when a request naming a tenant (under tenancy) admits only callers of that
     *         tenant and cross-tenant roles
     */
    public EndpointPolicyAssert isTenantIsolated() {
        if (!actual.tenant().isIsolated()) {
            fail("to be tenant-isolated (its tenant binding is " + actual.tenant() + ")");
        }
        return this;
    }

    /**
     * @return this, when the endpoint requires no scope or role on top of its policy
     */
    public EndpointPolicyAssert requiresNoScopesOrRoles() {
        if (!actual.requirements().isEmpty()) {
            fail("to require no scopes or roles");
        }
        return this;
    }

    /**
     * @return this, when a request without any credential passes
     */
    public EndpointPolicyAssert isOpenToAnyone() {
        if (!actual.open()) {
            fail("to be open to anyone");
        }
        return this;
    }

    /**
     * @return this, when a request without a credential is refused
     */
    public EndpointPolicyAssert isNotOpenToAnyone() {
        if (actual.open()) {
            fail("not to be open to anyone");
        }
        return this;
    }

    /**
     * @param source where the policy must come from: annotation, route, default or exempt
     * @return this
     */
    public EndpointPolicyAssert comesFrom(PolicySource source) {
        if (actual.source() != source) {
            fail("to take its policy from " + source.name().toLowerCase());
        }
        return this;
    }

    /**
     * @return this, when denials are enforced rather than only recorded (dry-run)
     */
    public EndpointPolicyAssert isEnforced() {
        if (actual.mode() != Enforcement.ENFORCE) {
            fail("to be enforced");
        }
        return this;
    }

    private void fail(String expectation) {
        failWithMessage("Expected %s %s, but it has %s, requiring %s, %s", PolicyMapAssert.endpointOf(actual),
                expectation, PolicyMapAssert.describe(actual), actual.requirements(),
                actual.open() ? "open to anyone" : "not open to anyone");
    }
}
