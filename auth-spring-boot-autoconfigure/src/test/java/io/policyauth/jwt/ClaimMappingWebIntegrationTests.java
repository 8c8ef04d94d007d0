package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.RequiresPolicy;

/** A Keycloak-shaped token: roles nested in realm_access and resource_access, read through claim paths. */
@SpringBootTest(classes = ClaimMappingWebIntegrationTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "policy-auth.jwt.secret=" + ClaimMappingWebIntegrationTests.SECRET,
            "policy-auth.jwt.roles-claim=realm_access.roles,resource_access.orders-api.roles",
            "policy-auth.jwt.subject-claim=preferred_username,sub"
        })
class ClaimMappingWebIntegrationTests {

    static final String SECRET = "a-claim-mapping-test-secret-of-32-bytes-or-more";

    @LocalServerPort
    int port;

    @Test
    void realmAndClientRolesAreMappedAndRequiredRolesPass() throws KeyLengthException {
        String token = TestKeys.token(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256,
                claims -> claims.subject("f81d4fae").claim("preferred_username", "service-account-orders")
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .claim("realm_access", Map.of("roles", List.of("admin")))
                        .claim("resource_access", Map.of("orders-api", Map.of("roles", List.of("orders-writer")))));
        HttpTestClient http = new HttpTestClient(port);

        assertThat(http.get("/admin", "Authorization", "Bearer " + token).body())
                .isEqualTo("service-account-orders [admin, orders-writer]");
        assertThat(http.get("/writers", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutTheRoleIs403() throws KeyLengthException {
        String token = TestKeys.token(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256,
                claims -> claims.subject("u2").expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .claim("realm_access", Map.of("roles", List.of("user"))));

        assertThat(new HttpTestClient(port).get("/admin", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(403);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @RestController
        static class Endpoints {

            @GetMapping("/admin")
            @RequiresPolicy(value = "private", roles = "admin")
            String admin(AuthenticatedUser user) {
                return user.subject() + " " + user.roles();
            }

            @GetMapping("/writers")
            @RequiresPolicy(value = "private", roles = "orders-writer")
            String writers() {
                return "ok";
            }
        }
    }
}
