package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.policyauth.jwt.JwtAttackedApplication;
import io.policyauth.jwt.JwtAttacks;

/** The shared JWT attack catalogue against the Spring MVC front, over HTTP (its twin runs on WebFlux). */
class JwtAttacksOverHttpTests {

    private static ConfigurableApplicationContext context;
    private static HttpTestClient client;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(JwtAttackedApplication.class).web(WebApplicationType.SERVLET)
                .run(JwtAttackedApplication.ARGUMENTS);
        client = TestInstances.client(context);
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
        assertThat(client.get("/orders", "Authorization", "Bearer " + JwtAttackedApplication.ATTACKS.valid())
                .statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void everyAttackIs401WithAnInvalidTokenChallenge(JwtAttacks.Attack attack) {
        HttpResponse<String> refused = client.get("/orders", "Authorization", "Bearer " + attack.token());

        assertThat(refused.statusCode()).as(attack.name()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).as(attack.name())
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
    }
}
