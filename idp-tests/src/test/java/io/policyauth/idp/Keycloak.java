package io.policyauth.idp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;

import io.policyauth.test.DpopKey;

/**
 * A real Keycloak in dev mode on a loopback port, from the distribution the build unpacked, and
 * what the tests set up in it through the admin REST API. Needs a JDK 21+, looked for under
 * {@code /usr/lib/jvm}.
 */
final class Keycloak implements AutoCloseable {

    /** The longest a start may take: about 20-45 s here, the first run builds Quarkus' application. */
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final String base;

    private Keycloak(Process process, int port) {
        this.process = process;
        this.base = "http://127.0.0.1:" + port;
    }

    /** @return a JDK of version 21 or later on this machine, if any */
    static Optional<Path> jdk21() {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && version(jdk) >= 21)
                    .max(Comparator.comparingInt(Keycloak::version));
        }
        catch (IOException none) {
            return Optional.empty();
        }
    }

    static Keycloak start(Path home, Path jdk, int port) throws IOException, InterruptedException {
        // An in-memory database: every run starts from an empty Keycloak, even in a build without clean.
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem", "--http-port=" + port, "--http-host=127.0.0.1").redirectErrorStream(true)
                .redirectOutput(home.resolve("keycloak-test.log").toFile());
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        Keycloak keycloak = new Keycloak(builder.start(), port);
        keycloak.awaitReady();
        return keycloak;
    }

    /**
     * Creates a realm with a confidential client {@code orders-api} (client credentials, secret
     * {@code orders-secret}), an audience mapper that puts {@code orders-api} in {@code aud}, the
     * realm role {@code admin} and the client role {@code orders-writer}, both granted to the
     * client's service account.
     *
     * @return the realm's issuer
     */
    String realm(String name) throws IOException, InterruptedException {
        String admin = adminToken();
        send(admin, "POST", "/admin/realms", """
                {"realm":"%s","enabled":true,"roles":{"realm":[{"name":"admin"}]},
                 "clients":[{"clientId":"orders-api","enabled":true,"publicClient":false,"secret":"orders-secret",
                   "serviceAccountsEnabled":true,"standardFlowEnabled":false,"directAccessGrantsEnabled":false,
                   "protocolMappers":[{"name":"audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
                     "config":{"included.client.audience":"orders-api","access.token.claim":"true",
                       "id.token.claim":"false"}}]}]}""".formatted(name));
        String client = JsonPath.read(send(admin, "GET", "/admin/realms/" + name + "/clients?clientId=orders-api", null),
                "$[0].id");
        String serviceAccount = JsonPath.read(send(admin, "GET", "/admin/realms/" + name + "/clients/" + client
                + "/service-account-user", null), "$.id");
        String realmRole = send(admin, "GET", "/admin/realms/" + name + "/roles/admin", null);
        send(admin, "POST", "/admin/realms/" + name + "/users/" + serviceAccount + "/role-mappings/realm",
                "[" + realmRole + "]");
        send(admin, "POST", "/admin/realms/" + name + "/clients/" + client + "/roles", "{\"name\":\"orders-writer\"}");
        String clientRole = send(admin, "GET", "/admin/realms/" + name + "/clients/" + client + "/roles/orders-writer",
                null);
        send(admin, "POST", "/admin/realms/" + name + "/users/" + serviceAccount + "/role-mappings/clients/" + client,
                "[" + clientRole + "]");
        return base + "/realms/" + name;
    }

    /**
     * Adds the confidential client {@code dpop-client} (client credentials, secret {@code dpop-secret})
     * whose tokens Keycloak binds to the client's DPoP key (its DPoP guide's "Require DPoP bound
     * tokens"), with {@code orders-api} in {@code aud}.
     */
    void dpopClient(String realm) throws IOException, InterruptedException {
        send(adminToken(), "POST", "/admin/realms/" + realm + "/clients", """
                {"clientId":"dpop-client","enabled":true,"publicClient":false,"secret":"dpop-secret",
                 "serviceAccountsEnabled":true,"standardFlowEnabled":false,"directAccessGrantsEnabled":false,
                 "attributes":{"dpop.bound.access.tokens":"true"},
                 "protocolMappers":[{"name":"audience","protocol":"openid-connect",
                   "protocolMapper":"oidc-audience-mapper",
                   "config":{"included.client.audience":"orders-api","access.token.claim":"true",
                     "id.token.claim":"false"}}]}""");
    }

    /**
     * @param realm the realm
     * @param key the client's DPoP key, which signs the token request's proof
     * @return the token response of {@code dpop-client}: a DPoP-bound access token
     */
    String dpopTokenResponse(String realm, DpopKey key) throws IOException, InterruptedException {
        URI endpoint = URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token");
        return check(http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded").header("DPoP", key.proof("POST", endpoint))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "client_id=dpop-client&client_secret=dpop-secret&grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** @return a client-credentials access token of the realm's {@code orders-api} client */
    String clientToken(String realm) throws IOException, InterruptedException {
        return JsonPath.read(form("/realms/" + realm + "/protocol/openid-connect/token",
                "client_id=orders-api&client_secret=orders-secret&grant_type=client_credentials"), "$.access_token");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(1_000);
        }
        close();
        throw new IllegalStateException("Keycloak did not start within " + START_LIMIT);
    }

    private String adminToken() throws IOException, InterruptedException {
        return JsonPath.read(form("/realms/master/protocol/openid-connect/token",
                "client_id=admin-cli&username=admin&password=admin&grant_type=password"), "$.access_token");
    }

    private String form(String path, String body) throws IOException, InterruptedException {
        return check(http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private String send(String token, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return check(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static String check(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int version(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String number = line.substring("JAVA_VERSION=".length()).replace("\"", "").split("[.+-]")[0];
                    return Integer.parseInt(number);
                }
            }
        }
        catch (IOException | NumberFormatException unknown) {
            // Not a JDK that says its version.
        }
        return 0;
    }
}
