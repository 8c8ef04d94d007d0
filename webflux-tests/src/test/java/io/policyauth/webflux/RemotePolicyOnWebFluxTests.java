package io.policyauth.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.RequiresPolicy;

/**
 * A {@code remote} policy on WebFlux: the authorizer is asked over HTTP with the blocking client,
 * off the event loop (BlockHound is installed for the whole run), and its answers decide.
 */
class RemotePolicyOnWebFluxTests {

    private static HttpServer authorizer;
    private static ConfigurableApplicationContext context;
    private static WebTestClient client;

    @BeforeAll
    static void start() throws IOException {
        authorizer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        authorizer.createContext("/authorize", RemotePolicyOnWebFluxTests::answer);
        authorizer.start();
        context = new SpringApplicationBuilder(RemoteApplication.class).web(WebApplicationType.REACTIVE).run(
                "--server.port=0", "--policy-auth.default-policy=public",
                "--policy-auth.remote.kx.endpoint=http://127.0.0.1:" + authorizer.getAddress().getPort()
                        + "/authorize");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @AfterAll
    static void stop() {
        context.close();
        authorizer.stop(0);
    }

    /* Grants "Bearer good" the role trader; refuses anything else. */
    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        boolean good = "Bearer good".equals(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = (good ? "{\"roles\":[\"trader\"]}" : "{\"error\":\"no\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(good ? 200 : 401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void theAuthorizersGrantAndRefusalDecide() {
        client.get().uri("/kx/query").header("Authorization", "Bearer good").exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("trader");
        client.get().uri("/kx/query").header("Authorization", "Bearer bad").exchange().expectStatus()
                .isUnauthorized();
    }

    @Test
    void anAuthorizerThatIsDownIs503() {
        authorizer.stop(0);
        try {
            client.get().uri("/kx/down").header("Authorization", "Bearer good").exchange().expectStatus()
                    .isEqualTo(503).expectHeader().exists("Retry-After");
        }
        finally {
            authorizer = restart(authorizer.getAddress().getPort());
        }
    }

    private static HttpServer restart(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/authorize", RemotePolicyOnWebFluxTests::answer);
            server.start();
            return server;
        }
        catch (IOException busy) {
            throw new IllegalStateException(busy);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class RemoteApplication {

        @RestController
        static class Queries {

            @GetMapping({"/kx/query", "/kx/down"})
            @RequiresPolicy("kx")
            String query(AuthenticatedUser user) {
                return String.join(",", user.roles());
            }
        }
    }

}
