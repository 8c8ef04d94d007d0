package io.policyauth.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.jwt.JwtAttacks;

/** The servlet suite's JWT attack catalogue (shared through the autoconfigure test jar), on WebFlux. */
class JwtAttacksOnWebFluxTests {

    static final String SECRET = "attack-matrix-secret-0123456789-0123456789";
    static final JwtAttacks ATTACKS = new JwtAttacks(SECRET.getBytes(StandardCharsets.UTF_8), "attack-test",
            "shop-api");

    private static ConfigurableApplicationContext context;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(AttackedApplication.class).web(WebApplicationType.REACTIVE)
                .run("--server.port=0", "--policy-auth.jwt.secret=" + SECRET, "--policy-auth.jwt.issuer=attack-test",
                        "--policy-auth.jwt.audiences=shop-api");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static List<JwtAttacks.Attack> attacks() {
        return ATTACKS.all();
    }

    @Test
    void theControlTokenPasses() {
        client.get().uri("/orders").header("Authorization", "Bearer " + ATTACKS.valid()).exchange().expectStatus()
                .isOk();
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void everyAttackIs401WithAnInvalidTokenChallenge(JwtAttacks.Attack attack) {
        client.get().uri("/orders").header("Authorization", "Bearer " + attack.token()).exchange().expectStatus()
                .isUnauthorized().expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value ->
                        assertThat(value).as(attack.name()).startsWith("Bearer").contains("invalid_token"));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class AttackedApplication {

        @RestController
        static class Orders {

            @GetMapping("/orders")
            String orders(AuthenticatedUser user) {
                return user.subject();
            }
        }
    }
}
