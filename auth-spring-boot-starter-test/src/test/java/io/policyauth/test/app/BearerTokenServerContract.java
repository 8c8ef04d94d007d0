package io.policyauth.test.app;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.policyauth.test.TestTokens;

/**
 * What {@link TestTokens} must do for a test over a real server, whatever the application's key
 * source: tokens for plain HTTP that the running application verifies for real.
 */
abstract class BearerTokenServerContract {

    @LocalServerPort
    int port;

    @Autowired
    TestTokens testTokens;

    RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void withoutATokenThePrivateEndpointIsRefused() {
        client().get().uri("/orders").exchange().expectStatus().isUnauthorized().expectHeader()
                .exists(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void aTokenOpensThePrivateEndpointAsItsSubject() {
        String token = testTokens.bearerToken().subject("bob").tenant("acme").build();

        client().get().uri("/orders").headers(headers -> headers.setBearerAuth(token)).exchange().expectStatus()
                .isOk().expectBody().jsonPath("$.subject").isEqualTo("bob").jsonPath("$.tenant").isEqualTo("acme");
    }

    @Test
    void theEndpointsScopeAndRoleAreStillRequired() {
        String reader = testTokens.bearerToken().scopes("orders:read").build();
        String writer = testTokens.bearerToken().scopes("orders:write").roles("admin").build();

        client().post().uri("/orders").headers(headers -> headers.setBearerAuth(reader)).exchange().expectStatus()
                .isForbidden();
        client().post().uri("/orders").headers(headers -> headers.setBearerAuth(writer)).exchange().expectStatus()
                .isOk();
        client().get().uri("/orders/admin").headers(headers -> headers.setBearerAuth(writer)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aTokensPermissionsClaimGrantsItsPermissions() {
        String refunds = testTokens.bearerToken().permissions("refunds:read").build();

        client().get().uri("/orders/refunds").headers(headers -> headers.setBearerAuth(refunds)).exchange()
                .expectStatus().isOk();
        client().get().uri("/orders/refunds").headers(headers -> headers.setBearerAuth(testTokens.bearerToken()
                .build())).exchange().expectStatus().isForbidden();
    }

    @Test
    void expiredAndForeignTokensAreRefused() {
        String expired = testTokens.bearerToken().expiresIn(Duration.ofMinutes(-10)).build();
        String foreign = testTokens.bearerToken().claim("aud", "billing-api").build();

        client().get().uri("/orders").headers(headers -> headers.setBearerAuth(expired)).exchange().expectStatus()
                .isUnauthorized();
        client().get().uri("/orders").headers(headers -> headers.setBearerAuth(foreign)).exchange().expectStatus()
                .isUnauthorized();
    }
}
