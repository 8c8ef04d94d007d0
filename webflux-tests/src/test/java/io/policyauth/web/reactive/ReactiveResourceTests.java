package io.policyauth.web.reactive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import io.policyauth.resource.HangingEngine;
import io.policyauth.resource.ResourceAttributes;
import io.policyauth.resource.ResourceEngineFailureContract;
import io.policyauth.resource.ResourceFixtures;
import io.policyauth.resource.ResourceWebContract;
import io.policyauth.resource.cerbos.CerbosProcess;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RequiresResource;

/**
 * {@code @RequiresResource} on WebFlux over a real Reactor Netty server, with BlockHound watching
 * the event loops (the engine is asked off them): the same contracts as on Spring MVC, against the
 * real Cerbos at {@code deny-status} 403 and 404, and against an engine that hangs, is saturated,
 * then is gone.
 */
class ReactiveResourceTests {

    static final String SECRET = "a-reactive-resource-secret-of-32-bytes-or-more";
    static final String PROPERTIES = "policy-auth.jwt.secret=" + SECRET;

    private static CerbosProcess cerbos;

    static synchronized void realEngine(DynamicPropertyRegistry registry) throws Exception {
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

    static String token(String subject, String tenant, String... roles) {
        return TenantTokens.token(SECRET, subject, tenant, roles);
    }

    @Nested
    @SpringBootTest(classes = App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {PROPERTIES, "policy-auth.resources.engine=cerbos", "policy-auth.tenancy.enabled=true",
                "policy-auth.tenancy.roles.admin=tenant:admin"})
    class Refusing403 extends ResourceWebContract {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void engine(DynamicPropertyRegistry registry) throws Exception {
            realEngine(registry);
        }

        @Override
        protected int port() {
            return port;
        }

        @Override
        protected String token(String subject, String tenant, String... roles) {
            return ReactiveResourceTests.token(subject, tenant, roles);
        }
    }

    @Nested
    @SpringBootTest(classes = App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {PROPERTIES, "policy-auth.resources.engine=cerbos", "policy-auth.tenancy.enabled=true",
                "policy-auth.tenancy.roles.admin=tenant:admin", "policy-auth.resources.deny-status=404"})
    class Hiding404 extends ResourceWebContract {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void engine(DynamicPropertyRegistry registry) throws Exception {
            realEngine(registry);
        }

        @Override
        protected int port() {
            return port;
        }

        @Override
        protected String token(String subject, String tenant, String... roles) {
            return ReactiveResourceTests.token(subject, tenant, roles);
        }
    }

    @Nested
    @SpringBootTest(classes = App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {PROPERTIES, "policy-auth.resources.engine=cerbos", "policy-auth.tenancy.enabled=true",
                "policy-auth.resources.cerbos.read-timeout=300ms",
                "policy-auth.resources.cerbos.max-concurrent-requests=1"})
    class EngineFailing extends ResourceEngineFailureContract {

        private static HangingEngine engine;

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void engine(DynamicPropertyRegistry registry) throws Exception {
            engine = new HangingEngine();
            registry.add("policy-auth.resources.cerbos.url", () -> engine.url().toString());
        }

        @AfterAll
        static void close() throws Exception {
            engine.close();
        }

        @Override
        protected int port() {
            return port;
        }

        @Override
        protected HangingEngine engine() {
            return engine;
        }

        @Override
        protected String token(String subject, String tenant) {
            return ReactiveResourceTests.token(subject, tenant);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class App {

        @Bean
        ResourceAttributes documents() {
            return ResourceFixtures.documents();
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

            @DeleteMapping("/documents/{documentId}")
            @RequiresPolicy("private")
            @RequiresResource(kind = "document", id = "{documentId}")
            Mono<String> delete(@PathVariable String documentId) {
                return Mono.just("deleted " + documentId);
            }
        }
    }
}
