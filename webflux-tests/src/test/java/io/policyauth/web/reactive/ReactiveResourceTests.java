package io.policyauth.web.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import io.policyauth.resource.ResourceAttributes;
import io.policyauth.resource.cerbos.CerbosProcess;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RequiresResource;

/**
 * {@code @RequiresResource} on WebFlux over a real Reactor Netty server and the real Cerbos, with
 * BlockHound watching the event loops: the engine is asked off them, and the answers are those of
 * Spring MVC.
 */
@SpringBootTest(classes = ReactiveResourceTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"policy-auth.jwt.secret=" + ReactiveResourceTests.SECRET,
            "policy-auth.resources.engine=cerbos"})
class ReactiveResourceTests {

    static final String SECRET = "a-reactive-resource-secret-of-32-bytes-or-more";

    private static CerbosProcess cerbos;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static synchronized void engine(DynamicPropertyRegistry registry) throws Exception {
        if (cerbos == null) {
            cerbos = CerbosProcess.start();
        }
        registry.add("policy-auth.resources.cerbos.url", () -> cerbos.url().toString());
    }

    @AfterAll
    static void stop() {
        if (cerbos != null) {
            cerbos.close();
        }
    }

    @Test
    void theOwnerTheSharedReaderAStrangerAndAnUnknownDocument() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();

        client.put().uri("/documents/d1").header("Authorization", token("ann")).exchange().expectStatus().isOk();
        client.get().uri("/documents/d1").header("Authorization", token("bob")).exchange().expectStatus().isOk();
        client.put().uri("/documents/d1").header("Authorization", token("bob")).exchange().expectStatus()
                .isForbidden();
        client.get().uri("/documents/d1").header("Authorization", token("eve")).exchange().expectStatus()
                .isForbidden();
        client.get().uri("/documents/d9").header("Authorization", token("ann")).exchange().expectStatus()
                .isNotFound().expectBody(String.class).value(body -> assertThat(body).contains("not-found"));
    }

    private static String token(String subject) {
        return TenantTokens.token(SECRET, subject, "acme");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class App {

        @Bean
        ResourceAttributes documents() {
            Map<String, Map<String, Object>> documents = Map.of("d1", Map.of("tenant", "acme", "owner", "ann",
                    "sharedWith", List.of("bob"), "status", "published"));
            return new ResourceAttributes() {
                @Override
                public String kind() {
                    return "document";
                }

                @Override
                public Optional<Map<String, Object>> load(String id) {
                    return Optional.ofNullable(documents.get(id));
                }
            };
        }

        @RestController
        static class Documents {

            @GetMapping("/documents/{documentId}")
            @RequiresPolicy("private")
            @RequiresResource(kind = "document", id = "{documentId}")
            Mono<String> read(@PathVariable String documentId) {
                return Mono.just("read " + documentId);
            }

            @PutMapping("/documents/{documentId}")
            @RequiresPolicy("private")
            @RequiresResource(kind = "document", id = "{documentId}")
            Mono<String> update(@PathVariable String documentId) {
                return Mono.just("updated " + documentId);
            }
        }
    }
}
