package io.policyauth.jwt.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.jwt.TokenDenylist;
import io.policyauth.jwt.TokenIssuer;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.TestInstances;
import io.policyauth.web.RequiresPolicy;

/** Two application instances sharing one MongoDB, as two load-balanced replicas would. */
class SharedDenylistIntegrationTests {

    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private final TestInstances instances = new TestInstances();
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @AfterEach
    void stop() {
        instances.close();
        mongo.close();
    }

    @Test
    void revokingATokenOnOneInstanceRefusesItOnBoth() {
        first = start();
        second = start();
        HttpTestClient a = TestInstances.client(first);
        HttpTestClient b = TestInstances.client(second);
        String token = first.getBean(TokenIssuer.class).createToken("alice", List.of(), List.of());
        assertThat(a.get("/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        HttpResponse<String> me = b.get("/me", "Authorization", "Bearer " + token);
        assertThat(me.statusCode()).isEqualTo(200);
        String jti = JsonPath.read(me.body(), "$.jti");
        Instant expiresAt = Instant.ofEpochSecond(((Number) JsonPath.read(me.body(), "$.exp")).longValue());

        first.getBean(TokenDenylist.class).revoke(jti, expiresAt);

        HttpResponse<String> refused = a.get("/me", "Authorization", "Bearer " + token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Bearer error=\"invalid_token\"");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> b.get("/me", "Authorization", "Bearer " + token).statusCode() == 401);
        String other = second.getBean(TokenIssuer.class).createToken("bob", List.of(), List.of());
        assertThat(b.get("/me", "Authorization", "Bearer " + other).statusCode()).isEqualTo(200);
        assertThat(mongo.template().getCollection("revoked_tokens").countDocuments()).isEqualTo(1);
    }

    @Test
    void aRevokedTokenStaysRefusedOnBothInstancesWithinTheClockSkewAfterItExpires() {
        first = start();
        second = start();
        HttpTestClient a = TestInstances.client(first);
        HttpTestClient b = TestInstances.client(second);
        String token = first.getBean(TokenIssuer.class).createToken("dave", List.of(), List.of(),
                Duration.ofSeconds(1));
        HttpResponse<String> me = a.get("/me", "Authorization", "Bearer " + token);
        assertThat(me.statusCode()).isEqualTo(200);
        Instant expiresAt = Instant.ofEpochSecond(((Number) JsonPath.read(me.body(), "$.exp")).longValue());
        first.getBean(TokenDenylist.class).revoke(JsonPath.read(me.body(), "$.jti"), expiresAt);

        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(expiresAt.plusMillis(500)));

        assertThat(a.get("/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> b.get("/me", "Authorization", "Bearer " + token).statusCode() == 401);
    }

    @Test
    void aReplicaThatCannotBeRefreshedFailsClosedWith503() {
        first = start("policy-auth.jwt.denylist.max-staleness=500ms");
        HttpTestClient a = TestInstances.client(first);
        String token = first.getBean(TokenIssuer.class).createToken("carol", List.of(), List.of());
        assertThat(a.get("/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        mongo.stop();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> a.get("/me", "Authorization", "Bearer " + token).statusCode() == 503);
        HttpResponse<String> unavailable = a.get("/me", "Authorization", "Bearer " + token);
        assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
        assertThat(unavailable.body()).doesNotContain("127.0.0.1").doesNotContain("Mongo");
        assertThat(a.get("/open").statusCode()).isEqualTo(200);
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> properties = new java.util.ArrayList<>(List.of("spring.mongodb.uri=" + mongo.connectionString(),
                "policy-auth.jwt.secret=shared-denylist-test-secret-of-32-bytes",
                "policy-auth.jwt.denylist.store=mongo", "policy-auth.jwt.denylist.refresh-interval=100ms",
                "policy-auth.jwt.denylist.timeout=300ms"));
        properties.addAll(List.of(more));
        return instances.start(App.class, properties.toArray(String[]::new));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @RestController
        static class Endpoints {

            @GetMapping("/me")
            @RequiresPolicy("private")
            java.util.Map<String, Object> me(AuthenticatedUser user) {
                return java.util.Map.of("jti", user.tokenId(), "exp", user.expiresAt().getEpochSecond());
            }

            @GetMapping("/open")
            @RequiresPolicy("public")
            String open() {
                return "open";
            }
        }
    }
}
