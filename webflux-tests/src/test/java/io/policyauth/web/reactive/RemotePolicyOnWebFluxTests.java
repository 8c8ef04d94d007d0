package io.policyauth.web.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.remote.TestAuthorizer;
import io.policyauth.web.RequiresPolicy;

/**
 * {@code remote} policies on WebFlux, under BlockHound: the authorizer is asked with the blocking
 * client off the event loop, and with {@code include-body} it is shown the body byte for byte as
 * the handler reads it (the body is waited for off the event loop too). Bodies over the limit and
 * multipart bodies are refused without asking, and a body a policy read still reaches the handler
 * whole.
 */
class RemotePolicyOnWebFluxTests {

    private static final String SHARED_KEY = "remote-test-shared-key-0123456789";
    private static final String GOOD = "Bearer good-token";

    private static TestAuthorizer authorizer;
    private static ConfigurableApplicationContext context;
    private static WebTestClient client;
    private static int port;
    private static final Duration SLOW_BODY_TIMEOUT = Duration.ofSeconds(4);

    @BeforeAll
    static void start() throws IOException {
        authorizer = new TestAuthorizer();
        context = new SpringApplicationBuilder(RemoteApplication.class).web(WebApplicationType.REACTIVE).run(
                "--server.port=0", "--policy-auth.default-policy=public",
                "--policy-auth.remote.kx.endpoint=" + authorizer.url("/authorize"),
                "--policy-auth.remote.kx-down.endpoint=" + TestAuthorizer.refusingUrl(),
                "--policy-auth.remote.kx-body.endpoint=" + authorizer.url("/authorize"),
                "--policy-auth.remote.kx-body.include-body=true", "--policy-auth.remote.kx-body.max-body-size=32B",
                "--policy-auth.api-key.shared-keys=" + SHARED_KEY,
                "--policy-auth.policies.kx-or-key.any-of=kx-body,shared_api_key",
                "--policy-auth.body-read-timeout=" + SLOW_BODY_TIMEOUT.toMillis() + "ms");
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @AfterAll
    static void stop() {
        context.close();
        authorizer.close();
    }

    @BeforeEach
    void forget() {
        authorizer.reset();
    }

    @Test
    void theAuthorizersGrantAndRefusalDecide() {
        client.get().uri("/kx/query").header("Authorization", GOOD).exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("svc-1 reader");
        client.get().uri("/kx/query").header("Authorization", "Bearer bad").exchange().expectStatus()
                .isUnauthorized();
    }

    @Test
    void anAuthorizerThatIsDownIs503() {
        client.get().uri("/kx/down").header("Authorization", GOOD).exchange().expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After");
    }

    @Test
    void theAuthorizerSeesTheBodyAndTheHandlerStillReadsIt() {
        client.post().uri("/orders").header("Authorization", GOOD).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":5}").exchange().expectStatus().isOk().expectBody(String.class)
                .isEqualTo("handler saw {\"amount\":5}");
        assertThat(authorizer.last().field("body")).isEqualTo("{\"amount\":5}");
    }

    @Test
    void aFormIsShownToTheAuthorizerAndItsFieldsStillReachTheHandler() {
        client.post().uri("/form").header("Authorization", GOOD).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("amount=7&note=a+b%21").exchange().expectStatus().isOk().expectBody(String.class)
                .isEqualTo("amount 7, note a b!");
        assertThat(authorizer.last().field("body")).isEqualTo("amount=7&note=a+b%21");
    }

    @Test
    void aBodyOverTheLimitIs413WithoutAsking() {
        client.post().uri("/orders").header("Authorization", GOOD).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":5, \"note\":\"far too long for the limit\"}").exchange().expectStatus()
                .isEqualTo(413).expectHeader().contentType("application/problem+json");
        assertThat(authorizer.calls("/authorize")).isZero();
    }

    @Test
    void aMultipartBodyIs415WithoutAsking() {
        // Written out: the client's own multipart writer seeds its boundary with a blocking read.
        client.post().uri("/orders").header("Authorization", GOOD)
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .bodyValue("--b0undary\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n5\r\n--b0undary--\r\n")
                .exchange().expectStatus().isEqualTo(415);
        assertThat(authorizer.calls("/authorize")).isZero();
    }

    @Test
    void aLargeBodyThatAnotherPolicyAdmitsReachesTheHandlerWhole() {
        String large = "x".repeat(200_000);
        client.post().uri("/either").header("X-API-KEY", SHARED_KEY).contentType(MediaType.TEXT_PLAIN)
                .bodyValue(large).exchange().expectStatus().isOk().expectBody(String.class)
                .isEqualTo("handler saw " + large.length() + " bytes");
        assertThat(authorizer.calls("/authorize")).isZero();
    }

    @Test
    void theAuthorizersRefusalOfABodyStands() {
        client.post().uri("/orders").header("Authorization", "Bearer bad").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":5}").exchange().expectStatus().isUnauthorized();
        assertThat(authorizer.last().field("body")).isEqualTo("{\"amount\":5}");
    }

    /*
     * 50 clients that promise a body and send one byte of it hold a connection each, never a
     * thread: complete requests (a remote policy with and without the body) are answered while
     * they wait, and each of them gets 408 once the body read timeout passes.
     */
    @Test
    void slowBodiesHoldNoThreadAndAreAnswered408AfterTheTimeout() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout((int) SLOW_BODY_TIMEOUT.multipliedBy(4).toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + GOOD
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            client.get().uri("/kx/query").header("Authorization", GOOD).exchange().expectStatus().isOk();
            client.post().uri("/orders").header("Authorization", GOOD).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"amount\":5}").exchange().expectStatus().isOk();
            for (Socket socket : slow) {
                assertThat(socket.getInputStream().available()).as("a slow body answered early").isZero();
            }
            for (Socket socket : slow) {
                String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(status).isEqualTo("HTTP/1.1 408");
            }
        }
        finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class RemoteApplication {

        @RestController
        static class Queries {

            @GetMapping("/kx/query")
            @RequiresPolicy("kx")
            String query(AuthenticatedUser user) {
                return user.subject() + " " + String.join(",", user.roles());
            }

            @GetMapping("/kx/down")
            @RequiresPolicy("kx-down")
            String down(AuthenticatedUser user) {
                return user.subject();
            }

            @PostMapping("/orders")
            @RequiresPolicy("kx-body")
            String order(@RequestBody String order) {
                return "handler saw " + order;
            }

            @PostMapping("/form")
            @RequiresPolicy("kx-body")
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
