package io.policyauth.web.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.policyauth.jwt.JwtAttackedApplication;
import io.policyauth.jwt.JwtAttacks;

/** The servlet suite's JWT attack catalogue and application (from the autoconfigure test jar), on WebFlux. */
class JwtAttacksOnWebFluxTests {

    private static ConfigurableApplicationContext context;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(JwtAttackedApplication.class).web(WebApplicationType.REACTIVE)
                .run(JwtAttackedApplication.ARGUMENTS);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static List<JwtAttacks.Attack> attacks() {
        return JwtAttackedApplication.ATTACKS.all();
    }

    @Test
    void theControlTokenPasses() {
        client.get().uri("/orders").header("Authorization", "Bearer " + JwtAttackedApplication.ATTACKS.valid())
                .exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void everyAttackIs401WithAnInvalidTokenChallenge(JwtAttacks.Attack attack) {
        client.get().uri("/orders").header("Authorization", "Bearer " + attack.token()).exchange().expectStatus()
                .isUnauthorized().expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value ->
                        assertThat(value).as(attack.name()).startsWith("Bearer").contains("invalid_token"));
    }
}
