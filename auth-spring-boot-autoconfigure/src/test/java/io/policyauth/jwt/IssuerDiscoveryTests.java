package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.BackgroundTasks;

/** Issuer discovery against a real HTTP server on loopback serving metadata and keys. */
class IssuerDiscoveryTests {

    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final BackgroundTasks tasks = new BackgroundTasks(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            String body = documents.get(path);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        tasks.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        tasks.close();
    }

    @Test
    void openIdDiscoveryFindsTheKeysAndTheIssuerIsRequired() {
        String issuer = base() + "/realms/a";
        documents.put("/realms/a/.well-known/openid-configuration", metadata(issuer, base() + "/realms/a/certs"));
        documents.put("/realms/a/certs", keys("k1"));
        NimbusJwtAuthProvider provider = provider(issuer);

        assertThat(requested).as("nothing is fetched before the first token").isEmpty();
        assertThat(provider.check(token("k1", issuer)).subject()).isEqualTo("alice");
        NimbusJwtAuthProviderTests.assertRejected(() -> provider.check(token("k1", base() + "/realms/b")),
                "bad_issuer");
    }

    @Test
    void rfc8414MetadataIsTheFallbackWithItsPathRule() {
        String issuer = base() + "/tenant1";
        documents.put("/.well-known/oauth-authorization-server/tenant1", metadata(issuer, base() + "/keys"));
        documents.put("/keys", keys("k2"));

        assertThat(provider(issuer).check(token("k2", issuer)).subject()).isEqualTo("alice");
        assertThat(requested).containsSubsequence("/tenant1/.well-known/openid-configuration",
                "/.well-known/oauth-authorization-server/tenant1", "/keys");
    }

    @Test
    void metadataNamingAnotherIssuerIsNotUsed() {
        String issuer = base() + "/realms/a";
        documents.put("/realms/a/.well-known/openid-configuration", metadata(base() + "/realms/evil", base() + "/k"));
        documents.put("/k", keys("k1"));

        assertThatExceptionOfType(AuthUnavailableException.class)
                .isThrownBy(() -> provider(issuer).check(token("k1", issuer)));
        assertThat(requested).doesNotContain("/k");
    }

    @Test
    void anUnreachableProviderIs503ThenRetriedAfterABackoffNotInALoop() throws Exception {
        String issuer = base() + "/realms/a";
        NimbusJwtAuthProvider provider = provider(issuer);

        assertThatExceptionOfType(AuthUnavailableException.class)
                .isThrownBy(() -> provider.check(token("k1", issuer)))
                .satisfies(unavailable -> assertThat(unavailable.retryAfter()).isPositive());
        int attempts = requested.size();
        assertThatExceptionOfType(AuthUnavailableException.class).isThrownBy(() -> provider.check(token("k1", issuer)));
        assertThat(requested).as("within the backoff nothing is asked").hasSize(attempts);

        documents.put("/realms/a/.well-known/openid-configuration", metadata(issuer, base() + "/realms/a/certs"));
        documents.put("/realms/a/certs", keys("k1"));
        Thread.sleep(1_100);

        assertThat(provider.check(token("k1", issuer)).subject()).as("recovers without a restart").isEqualTo("alice");
    }

    @Test
    void metadataLocations() {
        assertThat(IssuerMetadata.locations(URI.create("https://idp.example/realms/a")))
                .extracting(URI::toString).containsExactly("https://idp.example/realms/a/.well-known/openid-configuration",
                        "https://idp.example/.well-known/oauth-authorization-server/realms/a",
                        "https://idp.example/realms/a/.well-known/oauth-authorization-server");
        assertThat(IssuerMetadata.locations(URI.create("https://idp.example"))).extracting(URI::toString)
                .containsExactly("https://idp.example/.well-known/openid-configuration",
                        "https://idp.example/.well-known/oauth-authorization-server");
    }

    private NimbusJwtAuthProvider provider(String issuer) {
        JwkSetOptions options = new JwkSetOptions(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofMillis(500), Duration.ofSeconds(1), JwkSetOptions.DEFAULT_SIZE_LIMIT);
        return NimbusJwtAuthProvider.withIssuerUri(URI.create(issuer), options, tasks)
                .build();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String metadata(String issuer, String jwksUri) {
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri + "\"}";
    }

    private static String keys(String kid) {
        return new JWKSet(new RSAKey.Builder((RSAPublicKey) TestKeys.RSA.getPublic()).keyID(kid).build()).toString();
    }

    private static String token(String kid, String issuer) {
        return TestKeys.token(new RSASSASigner(TestKeys.RSA.getPrivate()),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims -> claims.issuer(issuer));
    }
}
