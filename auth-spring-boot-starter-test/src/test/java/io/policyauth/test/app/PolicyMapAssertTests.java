package io.policyauth.test.app;

import static io.policyauth.test.PolicyAuthAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ActiveProfiles;

import io.policyauth.web.PolicyMap;
import io.policyauth.web.PolicySource;

/** The policy assertions over the slice's policy map, and the messages they fail with. */
@WebMvcTest(OrderController.class)
@ActiveProfiles("hs")
class PolicyMapAssertTests {

    @Autowired
    PolicyMap policyMap;

    @Test
    void theOpenEndpointsAreExactlyTheseTwo() {
        assertThat(policyMap).hasOnlyOpenEndpoints("GET /hello", "GET /status/ping");
    }

    @Test
    void anEndpointOpenButNotListedIsNamed() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(policyMap).hasOnlyOpenEndpoints("GET /hello"))
                .withMessageContaining("Open but not expected: [GET /status/ping")
                .withMessageContaining("OrderController#ping").withMessageContaining("from route");
    }

    @Test
    void anEndpointListedButProtectedIsNamed() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(policyMap).hasOnlyOpenEndpoints("GET /hello", "GET /status/ping",
                        "GET /orders"))
                .withMessageContaining("Expected open but not: [GET /orders (")
                .withMessageContaining("private, from default");
    }

    @Test
    void oneEndpointsPolicyAndRequirements() {
        assertThat(policyMap).endpoint("POST /orders").hasPolicy("private").requiresScopes("orders:write")
                .comesFrom(PolicySource.ANNOTATION).isNotOpenToAnyone().isEnforced();
        assertThat(policyMap).endpoint("GET", "/orders").hasPolicy("private").requiresNoScopesOrRoles()
                .comesFrom(PolicySource.DEFAULT);
        assertThat(policyMap).endpoint("GET /orders/admin").requiresRoles("admin");
        assertThat(policyMap).endpoint("GET /orders/refunds").requiresPermissions("refunds:read");
        // Tenancy is off in this application: no endpoint is isolated, and the assertion says so.
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(policyMap).endpoint("GET /orders/refunds").isTenantIsolated())
                .withMessageContaining("tenant binding is off");
        assertThat(policyMap).endpoint("GET /status/ping").hasPolicy("public").comesFrom(PolicySource.ROUTE)
                .isOpenToAnyone();
    }

    @Test
    void aChangedRequirementFailsNamingTheEndpoint() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(policyMap).endpoint("POST /orders").requiresScopes("orders:admin"))
                .withMessageContaining("Expected POST /orders to require scopes [orders:admin]")
                .withMessageContaining("OrderController#createOrder");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(policyMap).endpoint("GET /reports").hasPolicy("private"))
                .withMessageContaining("Expected GET /reports to have policy private")
                .withMessageContaining("shared_api_key");
    }

    @Test
    void anUnmappedEndpointIsSaidToBe() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(policyMap).endpoint("DELETE /orders"))
                .withMessageContaining("No mapped endpoint DELETE /orders").withMessageContaining("POST /orders");
    }
}
