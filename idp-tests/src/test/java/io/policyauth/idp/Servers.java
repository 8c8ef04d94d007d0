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
    /** A client whose access tokens are opaque references (RFC 7662 introspects them). */
    static final String OPAQUE_CLIENT = "opaque-client";
    /** Like {@link #OPAQUE_CLIENT}, with tokens that live two seconds. */
    static final String BRIEF_CLIENT = "brief-client";
    /** The API itself, as the client that introspects tokens. */
    static final String RESOURCE_SERVER = "orders-api";

    private static final String CLIENTS = "spring.security.oauth2.authorizationserver.client.";

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
        List<String> properties = new ArrayList<>(List.of("server.port=" + port,
                "spring.security.oauth2.authorizationserver.issuer=" + issuer(port), "policy-auth.enabled=false",
                NO_MONGODB));
        properties.addAll(client("orders", CLIENT, "orders.read,orders.write"));
        properties.addAll(client("opaque", OPAQUE_CLIENT, "orders.read"));
        properties.add(CLIENTS + "opaque.token.access-token-format=reference");
        properties.addAll(client("brief", BRIEF_CLIENT, "orders.read"));
        properties.add(CLIENTS + "brief.token.access-token-format=reference");
        properties.add(CLIENTS + "brief.token.access-token-time-to-live=2s");
        properties.addAll(client("api", RESOURCE_SERVER, "introspect"));
        ConfigurableApplicationContext server = new SpringApplicationBuilder(configuration)
                .properties(properties.toArray(String[]::new)).run();
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

    /* Each client's secret is its id with "-secret". */
    private static List<String> client(String registration, String id, String scopes) {
        String prefix = CLIENTS + registration + ".registration.";
        return List.of(prefix + "client-id=" + id, prefix + "client-secret={noop}" + id + "-secret",
                prefix + "client-authentication-methods=client_secret_basic",
                prefix + "authorization-grant-types=client_credentials", prefix + "scopes=" + scopes);
    }

    String clientCredentialsToken(String issuer, String scope) throws IOException, InterruptedException {
        return clientCredentialsToken(issuer, CLIENT, scope);
    }

    String clientCredentialsToken(String issuer, String client, String scope) throws IOException, InterruptedException {
        HttpResponse<String> response = post(issuer + "/oauth2/token", client,
                "grant_type=client_credentials&scope=" + scope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.access_token");
    }

    /** Revokes a token (RFC 7009) as the client it was issued to. */
    void revoke(String issuer, String client, String token) throws IOException, InterruptedException {
        assertThat(post(issuer + "/oauth2/revoke", client, "token=" + token).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String url, String client, String form) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret")
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
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
