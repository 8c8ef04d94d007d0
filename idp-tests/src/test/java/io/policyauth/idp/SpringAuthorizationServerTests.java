package io.policyauth.idp;

import static io.policyauth.idp.Servers.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code private} policy against Spring Authorization Server started on free loopback ports:
 * discovery, client-credentials tokens, two servers as two issuers, a server stopped and back.
 */
class SpringAuthorizationServerTests {

    private final Servers servers = new Servers();

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void discoveryAndAClientCredentialsTokenOpenAScopedEndpoint() throws Exception {
        String issuer = start(Servers.freePort());
        int app = application("policy-auth.jwt.issuer-uri=" + issuer, "policy-auth.jwt.audiences=" + CLIENT);

        String token = servers.clientCredentialsToken(issuer, "orders.read");

        assertThat(servers.get(app, "/orders", token).body()).isEqualTo(CLIENT + " [orders.read]");
        assertThat(servers.get(app, "/orders", null).statusCode()).isEqualTo(401);
        assertThat(servers.get(app, "/orders/write", token).statusCode()).as("orders.write was not granted")
                .isEqualTo(403);
    }

    @Test
    void twoServersAreTwoIssuersAndEachNamedPolicyAdmitsOnlyItsOwn() throws Exception {
        String a = start(Servers.freePort());
        String b = start(Servers.freePort());
        int app = servers.application(List.of(Applications.Application.class, Applications.OnlyA.class),
                "policy-auth.jwt.issuers.a.issuer-uri=" + a, "policy-auth.jwt.issuers.a.audiences=" + CLIENT,
                "policy-auth.jwt.issuers.b.issuer-uri=" + b, "policy-auth.jwt.issuers.b.audiences=" + CLIENT);
        String tokenA = servers.clientCredentialsToken(a, "orders.read");
        String tokenB = servers.clientCredentialsToken(b, "orders.read");

        assertThat(servers.get(app, "/orders", tokenA).statusCode()).isEqualTo(200);
        assertThat(servers.get(app, "/orders", tokenB).statusCode()).isEqualTo(200);
        assertThat(servers.get(app, "/only-a", tokenA).statusCode()).isEqualTo(200);
        assertThat(servers.get(app, "/only-a", tokenB).statusCode()).isEqualTo(401);
    }

    @Test
    void aStoppedServerIs503AndRecoversWithoutARestart() throws Exception {
        int port = Servers.freePort();
        ConfigurableApplicationContext server = servers.authorizationServer(port,
                Applications.AuthorizationServer.class);
        String issuer = Servers.issuer(port);
        String token = servers.clientCredentialsToken(issuer, "orders.read");
        int app = application("policy-auth.jwt.issuer-uri=" + issuer, "policy-auth.jwt.audiences=" + CLIENT);
        server.close();

        HttpResponse<String> unavailable = servers.get(app, "/orders", token);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();

        start(port);
        String fresh = servers.clientCredentialsToken(issuer, "orders.read");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> servers.get(app, "/orders", fresh).statusCode() == 200);
    }

    /*
     * Reference tokens (SAS's access-token-format: reference) introspected at /oauth2/introspect by the
     * API as its own client; beside them, the same issuer's JWTs are verified with its keys.
     */
    @Test
    void opaqueTokensAreIntrospectedRevokedExpiredAndUndecidableWithTheServerDown() throws Exception {
        int port = Servers.freePort();
        ConfigurableApplicationContext server = servers.authorizationServer(port,
                Applications.AuthorizationServer.class);
        String issuer = Servers.issuer(port);
        int app = application("policy-auth.jwt.issuer-uri=" + issuer,
                "policy-auth.jwt.audiences=" + CLIENT + "," + Servers.OPAQUE_CLIENT + "," + Servers.BRIEF_CLIENT,
                "policy-auth.jwt.introspection.uri=" + issuer + "/oauth2/introspect",
                "policy-auth.jwt.introspection.client-id=" + Servers.RESOURCE_SERVER,
                "policy-auth.jwt.introspection.client-secret=" + Servers.RESOURCE_SERVER + "-secret",
                "policy-auth.jwt.introspection.cache-ttl=1s");
        String opaque = servers.clientCredentialsToken(issuer, Servers.OPAQUE_CLIENT, "orders.read");
        assertThat(opaque).doesNotContain(".");

        HttpResponse<String> granted = servers.get(app, "/orders", opaque);
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).isEqualTo(Servers.OPAQUE_CLIENT + " [orders.read]");
        assertThat(servers.get(app, "/orders/write", opaque).statusCode()).as("orders.write was not granted")
                .isEqualTo(403);
        assertThat(servers.get(app, "/orders", servers.clientCredentialsToken(issuer, "orders.read")).statusCode())
                .as("the issuer's JWT, verified with its keys").isEqualTo(200);
        HttpResponse<String> unknown = servers.get(app, "/orders", "not-a-token-this-server-issued");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Bearer error=\"invalid_token\"");

        servers.revoke(issuer, Servers.OPAQUE_CLIENT, opaque);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> servers.get(app, "/orders", opaque).statusCode() == 401);

        String brief = servers.clientCredentialsToken(issuer, Servers.BRIEF_CLIENT, "orders.read");
        assertThat(servers.get(app, "/orders", brief).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> servers.get(app, "/orders", brief).statusCode() == 401);

        String unseen = servers.clientCredentialsToken(issuer, Servers.OPAQUE_CLIENT, "orders.read");
        server.close();
        HttpResponse<String> undecidable = servers.get(app, "/orders", unseen);
        assertThat(undecidable.statusCode()).isEqualTo(503);
        assertThat(undecidable.headers().firstValue("Retry-After")).isPresent();
    }

    /* As an agent or a client library finds its way (RFC 9728, then RFC 8414), knowing only the API. */
    @Test
    void aClientFollowsTheProtectedResourceMetadataToTheIssuerAndBackWithAToken() throws Exception {
        String issuer = start(Servers.freePort());
        int port = Servers.freePort();
        String api = "http://127.0.0.1:" + port;
        application("server.port=" + port, "policy-auth.jwt.issuer-uri=" + issuer,
                "policy-auth.jwt.audiences=" + CLIENT, "policy-auth.resource-metadata.enabled=true",
                "policy-auth.resource-metadata.resource=" + api);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> refused = servers.get(port, "/orders", null);
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElseThrow();
        Matcher named = Pattern.compile("resource_metadata=\"([^\"]+)\"").matcher(challenge);
        assertThat(named.find()).as(challenge).isTrue();
        String metadata = http.send(HttpRequest.newBuilder(URI.create(named.group(1))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(JsonPath.<String>read(metadata, "$.resource")).isEqualTo(api);
        String server = JsonPath.<List<String>>read(metadata, "$.authorization_servers").get(0);
        List<String> scopes = JsonPath.read(metadata, "$.scopes_supported");
        String serverMetadata = http.send(HttpRequest.newBuilder(URI.create(server
                + "/.well-known/oauth-authorization-server")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(JsonPath.<String>read(serverMetadata, "$.issuer")).isEqualTo(issuer);
        assertThat(JsonPath.<String>read(serverMetadata, "$.token_endpoint")).isEqualTo(issuer + "/oauth2/token");

        String token = servers.clientCredentialsToken(server, String.join("+", scopes));

        assertThat(scopes).containsExactly("orders.read", "orders.write");
        assertThat(servers.get(port, "/orders", token).statusCode()).isEqualTo(200);
        assertThat(servers.get(port, "/orders/write", token).statusCode()).isEqualTo(200);
    }

    private String start(int port) {
        servers.authorizationServer(port, Applications.AuthorizationServer.class);
        return Servers.issuer(port);
    }

    private int application(String... properties) {
        return servers.application(List.of(Applications.Application.class), properties);
    }
}
