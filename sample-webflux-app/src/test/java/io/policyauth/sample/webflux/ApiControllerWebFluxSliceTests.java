package io.policyauth.sample.webflux;

import static io.policyauth.test.PolicyAuthWebTestClientConfigurers.apiKey;
import static io.policyauth.test.PolicyAuthWebTestClientConfigurers.bearerToken;
import static io.policyauth.test.PolicyAuthWebTestClientConfigurers.remoteAddress;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.policyauth.sample.shared.ApiController;
import io.policyauth.test.TestTokens;

/**
 * The sample's endpoints in a {@code @WebFluxTest} slice: the slice enforces the application's
 * policies, with real tokens and keys sent by the test support's {@code WebTestClient}
 * configurers, and no MongoDB.
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
        client.mutateWith(bearerToken().scopes("orders:read")).post().uri("/api/orders").exchange().expectStatus()
                .isForbidden().expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"orders:write\"");
        client.mutateWith(bearerToken().subject("carol").scopes("orders:write")).post().uri("/api/orders").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.by").isEqualTo("carol");
    }

    @Test
    void anExpiredTokenIsRefused() {
        client.mutateWith(bearerToken().expiresIn(Duration.ofMinutes(-5))).get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theEitherEndpointTakesAKeyOrAToken() {
        client.get().uri("/api/either").exchange().expectStatus().isUnauthorized();
        client.mutateWith(apiKey("dev-shared-key-0123456789")).get().uri("/api/either").exchange().expectStatus()
                .isOk();
        client.mutateWith(apiKey("not-the-configured-key")).get().uri("/api/either").exchange().expectStatus()
                .isUnauthorized();
        client.get().uri("/api/either").header("Authorization", "Bearer " + tokens.bearerToken().build()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void theInternalEndpointAnswersLoopbackOnly() {
        client.mutateWith(remoteAddress("127.0.0.1")).get().uri("/api/internal/status").exchange().expectStatus()
                .isOk();
        client.mutateWith(remoteAddress("203.0.113.9")).get().uri("/api/internal/status").exchange().expectStatus()
                .isForbidden();
    }

    @Test
    void thePublicEndpointAnswersAnyone() {
        client.get().uri("/api/hello").exchange().expectStatus().isOk();
    }

    @Test
    void thePerClientKeyEndpointStartsWithoutMongoDbAndRefusesUnknownKeys() {
        client.get().uri("/api/client/whoami").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aClientBoundToARunningServerIsToldToSendHeaders() {
        WebTestClient server = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:9").build();
        assertThatIllegalStateException().isThrownBy(() -> server.mutateWith(bearerToken()))
                .withMessageContaining("TestTokens");
    }
}
