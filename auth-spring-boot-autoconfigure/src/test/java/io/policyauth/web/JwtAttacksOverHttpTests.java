package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.jwt.JwtAttacks;

/** The shared JWT attack catalogue against the Spring MVC front, over HTTP (its twin runs on WebFlux). */
class JwtAttacksOverHttpTests {

    static final String SECRET = "attack-matrix-secret-0123456789-0123456789";
    static final JwtAttacks ATTACKS = new JwtAttacks(SECRET.getBytes(StandardCharsets.UTF_8), "attack-test",
            "shop-api");

    private static final TestInstances instances = new TestInstances();
    private static HttpTestClient client;

    @BeforeAll
    static void start() {
        client = TestInstances.client(instances.start(AttackedApplication.class, "policy-auth.jwt.secret=" + SECRET,
                "policy-auth.jwt.issuer=attack-test", "policy-auth.jwt.audiences=shop-api"));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    static List<JwtAttacks.Attack> attacks() {
        return ATTACKS.all();
    }

    @Test
    void theControlTokenPasses() {
        assertThat(client.get("/orders", "Authorization", "Bearer " + ATTACKS.valid()).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void everyAttackIs401WithAnInvalidTokenChallenge(JwtAttacks.Attack attack) {
        HttpResponse<String> refused = client.get("/orders", "Authorization", "Bearer " + attack.token());

        assertThat(refused.statusCode()).as(attack.name()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).as(attack.name())
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
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
