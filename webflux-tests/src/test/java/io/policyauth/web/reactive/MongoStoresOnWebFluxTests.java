package io.policyauth.web.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.jwt.TokenDenylist;
import io.policyauth.jwt.TokenIssuer;

/**
 * The MongoDB-backed denylist and audit store on WebFlux, under BlockHound: checking a token
 * against the shared denylist and storing each decision never block an event loop, and both
 * still do their job.
 */
class MongoStoresOnWebFluxTests {

    private static MongoServer mongo;
    private static ConfigurableApplicationContext context;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        context = new SpringApplicationBuilder(StoresApplication.class).web(WebApplicationType.REACTIVE).run(
                "--server.port=0",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/stores",
                "--policy-auth.jwt.secret=stores-test-secret-0123456789-0123456789",
                "--policy-auth.jwt.denylist.store=mongo", "--policy-auth.audit.store=mongo",
                "--policy-auth.audit.log=false");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @AfterAll
    static void stop() {
        context.close();
        mongo.shutdownNow();
    }

    @Test
    void aTokenIsCheckedAgainstTheSharedDenylistAndRefusedOnceRevoked() throws Exception {
        String token = context.getBean(TokenIssuer.class).createToken("alice", List.of(), List.of());
        client.get().uri("/me").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("alice");
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        context.getBean(TokenDenylist.class).revoke(claims.getJWTID(), claims.getExpirationTime().toInstant());
        client.get().uri("/me").header("Authorization", "Bearer " + token).exchange().expectStatus()
                .isUnauthorized();
    }

    @Test
    void everyDecisionIsStoredInMongoDb() throws InterruptedException {
        client.get().uri("/me").exchange().expectStatus().isUnauthorized();
        MongoTemplate mongoTemplate = context.getBean(MongoTemplate.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (mongoTemplate.getCollection("auth_audit").countDocuments() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(mongoTemplate.getCollection("auth_audit").countDocuments()).isPositive();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class StoresApplication {

        @RestController
        static class Me {

            @GetMapping("/me")
            String me(AuthenticatedUser user) {
                return user.subject();
            }
        }
    }
}
