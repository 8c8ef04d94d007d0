package io.policyauth.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Spring Authorization Server and the application under test on free loopback ports, gets
 * client-credentials tokens, sends requests, and closes everything it started.
 */
final class Servers implements AutoCloseable {

    static final String CLIENT = "orders-client";
    static final String SECRET = "orders-client-secret";

    /* MongoDB is on the class path for the tests that share a store; the others never connect to one. */
    private static final String NO_MONGODB = "spring.autoconfigure.exclude="
            + "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
            + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    /**
     * @param port the port, and so the issuer
     * @param configuration the server's configuration class
     * @return the server, already running
     */
    ConfigurableApplicationContext authorizationServer(int port, Class<?> configuration) {
        String client = "spring.security.oauth2.authorizationserver.client.orders.registration.";
        ConfigurableApplicationContext server = new SpringApplicationBuilder(configuration).properties(
                "server.port=" + port, "spring.security.oauth2.authorizationserver.issuer=" + issuer(port),
                "policy-auth.enabled=false", client + "client-id=" + CLIENT, client + "client-secret={noop}" + SECRET,
                client + "client-authentication-methods=client_secret_basic",
                client + "authorization-grant-types=client_credentials", client + "scopes=orders.read,orders.write",
                NO_MONGODB).run();
        running.add(server);
        return server;
    }

    /**
     * @param sources the application's configuration classes
     * @param properties its properties
     * @return its port
     */
    int application(List<Class<?>> sources, String... properties) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(sources.toArray(Class[]::new))
                .properties("server.port=0").properties(properties);
        if (Arrays.stream(properties).noneMatch(property -> property.startsWith("spring.mongodb."))) {
            builder.properties(NO_MONGODB);
        }
        ConfigurableApplicationContext context = builder.run();
        running.add(context);
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String clientCredentialsToken(String issuer, String scope) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.access_token");
    }

    HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        return getWith(port, path, token == null ? new String[0] : new String[] {"Authorization", "Bearer " + token});
    }

    /**
     * @param port the application's port
     * @param path the path
     * @param headers name, value, name, value...
     * @return the response
     */
    HttpResponse<String> getWith(int port, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String issuer(int port) {
        return "http://127.0.0.1:" + port;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        running.forEach(ConfigurableApplicationContext::close);
    }
}
