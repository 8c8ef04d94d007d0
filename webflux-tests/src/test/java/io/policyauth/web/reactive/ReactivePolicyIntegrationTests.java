package io.policyauth.web.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.policyauth.apikey.ApiKeyFormat;
import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.Outcome;
import io.policyauth.jwt.TokenIssuer;
import io.policyauth.web.PolicyMap;
import io.policyauth.web.PolicySource;
import io.policyauth.web.reactive.app.ReactiveShopApplication;

/**
 * The starter in a WebFlux application on a real Reactor Netty server, with BlockHound installed
 * for the whole test run (blockhound-junit-platform): any blocking call on an event loop fails the
 * request it serves.
 */
@SpringBootTest(classes = {ReactiveShopApplication.class, ReactivePolicyIntegrationTests.EmbeddedMongo.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class ReactivePolicyIntegrationTests {

    private static final String SHARED_KEY = "webflux-shared-key-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    ApiKeyManager keys;

    @Autowired
    ApiKeyFormat keyFormat;

    @Autowired
    MongoServer mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReactiveShopApplication application;

    @Autowired
    PolicyMap policyMap;

    WebTestClient client;

    @BeforeEach
    void bind() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    private String token(List<String> scopes, List<String> roles) {
        return tokens.createToken("alice", scopes, roles);
    }

    @Test
    void blockHoundIsWatching() {
        assertThatThrownBy(() -> Mono.fromCallable(() -> {
            Thread.sleep(1);
            return 1;
        }).subscribeOn(Schedulers.parallel()).block()).hasCauseInstanceOf(BlockingOperationError.class);
    }

    @Test
    void publicAnswersEveryoneAsTheAnonymousUser() {
        client.get().uri("/hello").exchange().expectStatus().isOk().expectBody().jsonPath("$.subject")
                .isEqualTo("anonymous");
    }

    @Test
    void theDefaultPolicyAsksForATokenWithTheSameProblemAsTheServletSide() {
        client.get().uri("/orders").exchange().expectStatus().isUnauthorized().expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer").expectHeader()
                .contentType("application/problem+json").expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody().jsonPath("$.type").isEqualTo("urn:policy-auth:problem:unauthenticated")
                .jsonPath("$.policy").isEqualTo("private");
        client.get().uri("/orders").header("Authorization", "Bearer not.a.token").exchange().expectStatus()
                .isUnauthorized().expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, ".*invalid_token.*");
        client.get().uri("/orders").header("Authorization", "Bearer " + token(List.of(), List.of())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.subject").isEqualTo("alice");
    }

    @Test
    void scopesAndRolesAreRequired() {
        client.post().uri("/orders").header("Authorization", "Bearer " + token(List.of("orders:read"), List.of()))
                .exchange().expectStatus().isForbidden().expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"insufficient_scope\", scope=\"orders:write\"");
        client.post().uri("/orders").header("Authorization", "Bearer " + token(List.of("orders:write"), List.of()))
                .exchange().expectStatus().isOk();
        client.get().uri("/admin").header("Authorization", "Bearer " + token(List.of(), List.of("admin")))
                .exchange().expectStatus().isOk();
        client.get().uri("/admin").header("Authorization", "Bearer " + token(List.of(), List.of())).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void sharedKeysCompositesAndInternal() {
        client.get().uri("/reports").header("X-API-KEY", SHARED_KEY).exchange().expectStatus().isOk();
        client.get().uri("/reports").header("X-API-KEY", "wrong-key-0123456789").exchange().expectStatus()
                .isUnauthorized();
        client.get().uri("/either").exchange().expectStatus().isUnauthorized().expectHeader()
                .values(HttpHeaders.WWW_AUTHENTICATE, values -> assertThat(values).hasSize(2));
        client.get().uri("/either").header("X-API-KEY", SHARED_KEY).exchange().expectStatus().isOk();
        client.get().uri("/ops/status").exchange().expectStatus().isOk().expectBody().jsonPath("$.subject")
                .isEqualTo("127.0.0.1");
    }

    @Test
    void functionalRoutesTakeRouteRulesTheDefaultOrTheirOwnPolicy() {
        client.get().uri("/fn/open").exchange().expectStatus().isOk().expectBody().jsonPath("$.subject")
                .isEqualTo("anonymous");
        client.get().uri("/fn/default").exchange().expectStatus().isUnauthorized();
        client.get().uri("/fn/reports").exchange().expectStatus().isUnauthorized().expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "ApiKey.*");
        client.get().uri("/fn/reports").header("X-API-KEY", SHARED_KEY).exchange().expectStatus().isOk();
        client.get().uri("/fn/reports").header("Authorization", "Bearer " + token(List.of(), List.of())).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aPolicyThatBreaksOnAFunctionalRouteIsALogged500(CapturedOutput output) {
        client.get().uri("/fn/broken").exchange().expectStatus().isEqualTo(500).expectBody()
                .jsonPath("$.type").isEqualTo("urn:policy-auth:problem:error").jsonPath("$.policy").isEqualTo("broken");
        assertThat(output).contains("A policy failed unexpectedly")
                .contains("IllegalStateException: the policy failed");
    }

    @Test
    void aRouteOfItsOwnPolicyRewrittenByALaterFilterToAnotherRouteIsDecidedForThatRoute() {
        client.get().uri("/fn/welcome").exchange().expectStatus().isOk();
        client.get().uri("/fn/welcome").header("X-Rewrite-To", "/fn/default").exchange().expectStatus()
                .isUnauthorized();
        client.get().uri("/fn/welcome").header("X-Rewrite-To", "/fn/default")
                .header("Authorization", "Bearer " + token(List.of(), List.of())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.subject").isEqualTo("alice");
    }

    @Test
    void aCorsPreflightIsNotDecided() {
        int before = application.decisions.size();

        client.options().uri("/orders").header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST").exchange().expectStatus()
                .value(status -> assertThat(status).isNotEqualTo(401));
        assertThat(application.decisions).hasSize(before);
    }

    @Test
    void anUnmappedPathGetsTheDefaultPolicyFirst() {
        client.get().uri("/no/such/thing").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void dryRunLetsTheRequestThroughAndCountsWhatItWouldDeny() {
        client.get().uri("/trial").exchange().expectStatus().isOk().expectBody().jsonPath("$.subject")
                .isEqualTo("anonymous");
        assertThat(meters.find("policyauth.decisions").tag("policy", "trial").tag("outcome", "would_deny")
                .counter()).isNotNull();
    }

    @Test
    void everyDecisionIsCountedAndAudited() {
        client.get().uri("/orders?page=2").exchange().expectStatus().isUnauthorized();

        AuthDecisionEvent last = application.decisions.get(application.decisions.size() - 1);
        assertThat(last.method()).isEqualTo("GET");
        assertThat(last.path()).isEqualTo("/orders");
        assertThat(last.outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(meters.find("policyauth.decisions").tag("policy", "private").tag("outcome", "unauthenticated")
                .counter().count()).isPositive();
    }

    @Test
    void thePolicyMapListsFunctionalRoutesWithThePoliciesTheyNameAndStaticResources() {
        assertThat(policyMap.entries()).anySatisfy(entry -> {
            assertThat(entry.pattern()).isEqualTo("/fn/open");
            assertThat(entry.method()).isEqualTo("GET");
            assertThat(entry.policy()).containsExactly("public");
            assertThat(entry.open()).isTrue();
            assertThat(entry.handler()).isEqualTo("router function");
        }).anySatisfy(entry -> {
            assertThat(entry.pattern()).isEqualTo("/fn/default");
            assertThat(entry.policy()).containsExactly("private");
        }).anySatisfy(entry -> {
            assertThat(entry.pattern()).isEqualTo("/fn/reports");
            assertThat(entry.method()).isEqualTo("GET");
            assertThat(entry.policy()).containsExactly("shared_api_key");
            assertThat(entry.source()).isEqualTo(PolicySource.FUNCTIONAL_ROUTE);
            assertThat(entry.open()).isFalse();
        }).anySatisfy(entry -> {
            assertThat(entry.pattern()).isEqualTo("/fn/welcome");
            assertThat(entry.policy()).containsExactly("public");
            assertThat(entry.source()).isEqualTo(PolicySource.FUNCTIONAL_ROUTE);
            assertThat(entry.open()).isTrue();
        }).anySatisfy(entry -> {
            assertThat(entry.pattern()).isEqualTo("/**");
            assertThat(entry.handler()).isEqualTo("static resources");
            assertThat(entry.policy()).containsExactly("private");
        });
    }

    @Test
    void thePolicyMapAndTheActuatorEndpointCoverTheReactiveHandlers() {
        assertThat(policyMap.entries()).anySatisfy(entry -> {
            assertThat(entry.pattern()).isEqualTo("/orders");
            assertThat(entry.method()).isEqualTo("POST");
            assertThat(entry.requirements().scopes()).containsExactly("orders:write");
        });
        client.get().uri("/actuator/policyauth").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.endpoints[?(@.pattern=='/hello')].open").isEqualTo(List.of(true, true));
        client.get().uri("/actuator/metrics").header("X-Forwarded-For", "10.9.9.9").exchange().expectStatus().isOk();
    }

    @Test
    @Order(1)
    void aPerClientKeyIsLookedUpInMongoDbOffTheEventLoop() {
        String key = keys.issue("billing", "test", List.of("orders:read"), List.of(), null).key();

        client.get().uri("/clients/me").header("X-API-KEY", key).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.subject").isEqualTo("billing");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void withMongoDbStoppedDbApiKeyIs503WhileTheOtherPoliciesAnswer() {
        mongo.shutdownNow();

        client.mutate().responseTimeout(Duration.ofSeconds(15)).build().get().uri("/clients/me")
                .header("X-API-KEY", keyFormat.generate()).exchange().expectStatus().isEqualTo(503).expectHeader()
                .exists("Retry-After");
        client.get().uri("/reports").header("X-API-KEY", SHARED_KEY).exchange().expectStatus().isOk();
        client.get().uri("/hello").exchange().expectStatus().isOk();
    }

    /** An in-memory MongoDB-compatible server over the real driver. */
    @TestConfiguration(proxyBeanMethods = false)
    static class EmbeddedMongo {

        @Bean(destroyMethod = "shutdownNow")
        MongoServer embeddedMongoServer() {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            return server;
        }

        @Bean
        MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
            ConnectionString uri = new ConnectionString(
                    "mongodb://127.0.0.1:" + embeddedMongoServer.getLocalAddress().getPort() + "/webflux_test");
            return () -> uri;
        }
    }
}
