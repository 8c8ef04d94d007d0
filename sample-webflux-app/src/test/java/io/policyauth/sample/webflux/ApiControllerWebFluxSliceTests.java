package io.policyauth.sample.webflux;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.policyauth.sample.shared.ApiController;
import io.policyauth.test.TestTokens;

/**
 * The sample's endpoints in a {@code @WebFluxTest} slice: the slice enforces the application's
 * policies, with real tokens from {@link TestTokens} and no MongoDB.
 */
@WebFluxTest(ApiController.class)
class ApiControllerWebFluxSliceTests {

    @Autowired
    WebTestClient client;

    @Autowired
    TestTokens tokens;

    @Test
    void ordersNeedATokenWithTheWriteScope() {
        client.post().uri("/api/orders").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/orders").header("Authorization", "Bearer " + tokens.bearerToken()
                .scopes("orders:read").build()).exchange().expectStatus().isForbidden().expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"orders:write\"");
        client.post().uri("/api/orders").header("Authorization", "Bearer " + tokens.bearerToken().subject("carol")
                .scopes("orders:write").build()).exchange().expectStatus().isOk().expectBody().jsonPath("$.by")
                .isEqualTo("carol");
    }

    @Test
    void theEitherEndpointTakesAKeyOrAToken() {
        client.get().uri("/api/either").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/either").header("X-API-KEY", "dev-shared-key-0123456789").exchange().expectStatus()
                .isOk();
        client.get().uri("/api/either").header("Authorization", "Bearer " + tokens.bearerToken().build()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void thePublicEndpointAnswersAnyone() {
        client.get().uri("/api/hello").exchange().expectStatus().isOk();
    }

    @Test
    void thePerClientKeyEndpointStartsWithoutMongoDbAndRefusesUnknownKeys() {
        client.get().uri("/api/client/whoami").exchange().expectStatus().isUnauthorized();
    }
}
