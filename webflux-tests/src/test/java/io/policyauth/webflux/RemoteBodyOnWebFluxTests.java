package io.policyauth.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.policyauth.web.RequiresPolicy;

/**
 * A {@code remote} policy with {@code include-body} on WebFlux: the authorizer is shown the body
 * byte for byte as the handler reads it, bodies over the limit and multipart bodies are refused
 * without asking, and a body read by a policy still reaches the handler whole, all under
 * BlockHound (the body is waited for off the event loop).
 */
class RemoteBodyOnWebFluxTests {

    private static final String SHARED_KEY = "body-test-shared-key-0123456789";

    private static final AtomicReference<JsonNode> lastAsked = new AtomicReference<>();
    private static final AtomicInteger asked = new AtomicInteger();
    private static HttpServer authorizer;
    private static ConfigurableApplicationContext context;
    private static WebTestClient client;

    @BeforeAll
    static void start() throws IOException {
        authorizer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        authorizer.createContext("/authorize", RemoteBodyOnWebFluxTests::answer);
        authorizer.start();
        context = new SpringApplicationBuilder(BodyApplication.class).web(WebApplicationType.REACTIVE).run(
                "--server.port=0", "--policy-auth.default-policy=public",
                "--policy-auth.remote.kx.endpoint=http://127.0.0.1:" + authorizer.getAddress().getPort()
                        + "/authorize",
                "--policy-auth.remote.kx.include-body=true", "--policy-auth.remote.kx.max-body-size=32B",
                "--policy-auth.api-key.shared-keys=" + SHARED_KEY,
                "--policy-auth.policies.kx-or-key.any-of=kx,shared_api_key");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @AfterAll
    static void stop() {
        context.close();
        authorizer.stop(0);
    }

    @BeforeEach
    void forget() {
        lastAsked.set(null);
        asked.set(0);
    }

    /* Grants "Bearer good", remembering what it was asked. */
    private static void answer(HttpExchange exchange) throws IOException {
        lastAsked.set(JsonMapper.builder().build().readTree(exchange.getRequestBody().readAllBytes()));
        asked.incrementAndGet();
        boolean good = "Bearer good".equals(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = (good ? "{\"roles\":[\"trader\"]}" : "{\"error\":\"no\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(good ? 200 : 401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void theAuthorizerSeesTheBodyAndTheHandlerStillReadsIt() {
        client.post().uri("/orders").header("Authorization", "Bearer good").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":5}").exchange().expectStatus().isOk().expectBody(String.class)
                .isEqualTo("handler saw {\"amount\":5}");
        assertThat(lastAsked.get().get("body").asString()).isEqualTo("{\"amount\":5}");
    }

    @Test
    void aFormIsShownToTheAuthorizerAndItsFieldsStillReachTheHandler() {
        client.post().uri("/form").header("Authorization", "Bearer good")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("amount=7&note=a+b%21").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("amount 7, note a b!");
        assertThat(lastAsked.get().get("body").asString()).isEqualTo("amount=7&note=a+b%21");
    }

    @Test
    void aBodyOverTheLimitIs413WithoutAsking() {
        client.post().uri("/orders").header("Authorization", "Bearer good").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":5, \"note\":\"far too long for the limit\"}").exchange().expectStatus()
                .isEqualTo(413).expectHeader().contentType("application/problem+json");
        assertThat(asked.get()).isZero();
    }

    @Test
    void aMultipartBodyIs415WithoutAsking() {
        // Written out: the client's own multipart writer seeds its boundary with a blocking read.
        client.post().uri("/orders").header("Authorization", "Bearer good")
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .bodyValue("--b0undary\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n5\r\n--b0undary--\r\n")
                .exchange().expectStatus().isEqualTo(415);
        assertThat(asked.get()).isZero();
    }

    @Test
    void aLargeBodyThatAnotherPolicyAdmitsReachesTheHandlerWhole() {
        String large = "x".repeat(200_000);
        client.post().uri("/either").header("X-API-KEY", SHARED_KEY).contentType(MediaType.TEXT_PLAIN)
                .bodyValue(large).exchange().expectStatus().isOk().expectBody(String.class)
                .isEqualTo("handler saw " + large.length() + " bytes");
        assertThat(asked.get()).isZero();
    }

    @Test
    void theAuthorizersRefusalStands() {
        client.post().uri("/orders").header("Authorization", "Bearer bad").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":5}").exchange().expectStatus().isUnauthorized();
        assertThat(lastAsked.get().get("body").asString()).isEqualTo("{\"amount\":5}");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class BodyApplication {

        @RestController
        static class Orders {

            @PostMapping("/orders")
            @RequiresPolicy("kx")
            String order(@RequestBody String order) {
                return "handler saw " + order;
            }

            @PostMapping("/form")
            @RequiresPolicy("kx")
            Mono<String> form(ServerWebExchange exchange) {
                return exchange.getFormData().map(form -> "amount " + form.getFirst("amount") + ", note "
                        + form.getFirst("note"));
            }

            @PostMapping("/either")
            @RequiresPolicy("kx-or-key")
            String either(@RequestBody String body) {
                return "handler saw " + body.length() + " bytes";
            }
        }
    }
}
