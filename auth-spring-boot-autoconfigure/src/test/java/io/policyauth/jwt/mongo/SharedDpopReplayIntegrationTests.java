package io.policyauth.jwt.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.jwt.JwtAttacks;
import io.policyauth.jwt.dpop.DpopClientKey;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.TestInstances;

/**
 * Two instances sharing the DPoP proofs they have seen through one MongoDB: a proof replayed on the
 * other instance fails too, and with MongoDB gone proofs get 503, never a grant.
 */
class SharedDpopReplayIntegrationTests {

    private static final String SECRET = "a-shared-dpop-replay-secret-of-32-bytes";

    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private final TestInstances instances = new TestInstances();
    private final JwtAttacks tokens = new JwtAttacks(SECRET.getBytes(StandardCharsets.UTF_8), "bank", "payments");
    private final DpopClientKey key = new DpopClientKey();

    @AfterEach
    void stop() {
        instances.close();
        mongo.close();
    }

    @Test
    void aProofUsedOnOneInstanceIsRefusedOnTheOther() {
        HttpTestClient a = TestInstances.client(start());
        HttpTestClient b = TestInstances.client(start());
        String token = tokens.validWith(claims -> claims.claim("cnf", Map.of("jkt", key.thumbprint())));
        // Both instances are reached at one public URL, as behind a load balancer.
        String proof = key.proof("GET", "https://api.example.com/payments", token);

        assertThat(a.get("/payments", "Authorization", "DPoP " + token, "DPoP", proof).statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = b.get("/payments", "Authorization", "DPoP " + token, "DPoP", proof);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("DPoP error=\"invalid_dpop_proof\"");

        mongo.stop();
        HttpResponse<String> undecidable = b.get("/payments", "Authorization", "DPoP " + token, "DPoP",
                key.proof("GET", "https://api.example.com/payments", token));
        assertThat(undecidable.statusCode()).isEqualTo(503);
        assertThat(undecidable.body()).doesNotContain("127.0.0.1").doesNotContain("Mongo");
    }

    private ConfigurableApplicationContext start() {
        return instances.start(App.class, "spring.mongodb.uri=" + mongo.connectionString(),
                "policy-auth.jwt.secret=" + SECRET, "policy-auth.jwt.issuer=bank", "policy-auth.jwt.audiences=payments",
                "policy-auth.jwt.dpop.mode=required", "policy-auth.jwt.dpop.replay-store=mongo",
                "policy-auth.jwt.dpop.replay-timeout=300ms",
                "policy-auth.jwt.dpop.public-url=https://api.example.com");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @RestController
        static class Endpoints {

            @GetMapping("/payments")
            @RequiresPolicy("private")
            String payments() {
                return "ok";
            }
        }
    }
}
