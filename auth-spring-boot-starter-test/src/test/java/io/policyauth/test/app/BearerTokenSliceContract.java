package io.policyauth.test.app;

import static io.policyauth.test.PolicyAuthRequestPostProcessors.bearerToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What {@code bearerToken()} must do in a {@code @WebMvcTest} slice whatever the application's key
 * source: a real token, verified by the real {@code private} policy, every other check kept.
 */
abstract class BearerTokenSliceContract {

    @Autowired
    MockMvcTester mvc;

    @Test
    void withoutATokenThePrivateEndpointIsRefused() {
        assertThat(mvc.get().uri("/orders")).hasStatus(401).headers().containsHeader("WWW-Authenticate");
    }

    @Test
    void aTokenOpensThePrivateEndpointAsItsSubject() {
        assertThat(mvc.get().uri("/orders").with(bearerToken().subject("alice"))).hasStatusOk().bodyJson()
                .extractingPath("$.subject").isEqualTo("alice");
    }

    @Test
    void theEndpointsScopeIsStillRequired() {
        assertThat(mvc.post().uri("/orders").with(bearerToken().scopes("orders:read"))).hasStatus(403);
        assertThat(mvc.post().uri("/orders").with(bearerToken().scopes("orders:read", "orders:write")))
                .hasStatusOk();
    }

    @Test
    void rolesArriveWhereTheClaimMappingReadsThem() {
        assertThat(mvc.get().uri("/orders/admin").with(bearerToken())).hasStatus(403);
        assertThat(mvc.get().uri("/orders/admin").with(bearerToken().roles("admin"))).hasStatusOk().bodyJson()
                .extractingPath("$.roles").asArray().containsExactly("admin");
    }

    @Test
    void theTenantArrivesWhereTheClaimMappingReadsIt() {
        assertThat(mvc.get().uri("/orders").with(bearerToken().tenant("acme"))).hasStatusOk().bodyJson()
                .extractingPath("$.tenant").isEqualTo("acme");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertThat(mvc.get().uri("/orders").with(bearerToken().expiresIn(Duration.ofMinutes(-10)))).hasStatus(401);
    }

    @Test
    void theAudienceIsStillChecked() {
        assertThat(mvc.get().uri("/orders").with(bearerToken().claim("aud", "billing-api"))).hasStatus(401);
    }

    @Test
    void theIssuerIsStillChecked() {
        assertThat(mvc.get().uri("/orders").with(bearerToken().claim("iss", "https://attacker.example")))
                .hasStatus(401);
    }
}
