package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.BackgroundTasks;

@ExtendWith(OutputCaptureExtension.class)
class JwtJwkSetTests {

    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicReference<String> served = new AtomicReference<>();
    private HttpServer server;
    private NimbusJwtAuthProvider provider;
    private final BackgroundTasks tasks = new BackgroundTasks(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            hits.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        tasks.start();
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        server.stop(0);
        tasks.close();
    }

    @Test
    void fetchesTheSetOnceForManyTokens() {
        serve(TestKeys.RSA, "k1");
        provider = provider(uri());

        for (int i = 0; i < 20; i++) {
            assertThat(provider.check(token(TestKeys.RSA, "k1")).subject()).isEqualTo("alice");
        }
        assertThat(hits).hasValue(1);
    }

    @Test
    void aTokenVerifiedBeforeIsCheckedWithoutWaitingForKeys() {
        serve(TestKeys.RSA, "k1");
        provider = provider(uri());
        String token = token(TestKeys.RSA, "k1");
        assertThat(provider.mayBlock()).isTrue();
        assertThat(provider.mayBlock(token)).as("its key may have to be fetched").isTrue();

        provider.check(token);

        assertThat(provider.mayBlock(token)).isFalse();
        assertThat(provider.mayBlock(token(TestKeys.RSA, "k2"))).as("never seen").isTrue();
        assertThat(provider.mayBlock("x".repeat(NimbusJwtAuthProvider.MAX_TOKEN_LENGTH + 1))).isFalse();
    }

    @Test
    void severalIssuersAskTheIssuerOfTheTokenWhetherItMayWait() throws Exception {
        serve(TestKeys.RSA, "k1");
        provider = provider(uri());
        IssuerRoutingJwtAuthProvider issuers = new IssuerRoutingJwtAuthProvider(Map.of("https://keys.example",
                provider, "https://secret.example", NimbusJwtAuthProvider.withSecret(TestKeys.SECRET).build()));
        String fromTheSet = TestKeys.token(new RSASSASigner(TestKeys.RSA.getPrivate()),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                claims -> claims.issuer("https://keys.example"));
        String withTheSecret = TestKeys.token(new MACSigner(TestKeys.SECRET), JWSAlgorithm.HS256,
                claims -> claims.issuer("https://secret.example"));
        assertThat(issuers.mayBlock()).isTrue();
        assertThat(issuers.mayBlock(fromTheSet)).isTrue();

        issuers.check(fromTheSet);

        assertThat(issuers.mayBlock(fromTheSet)).as("verified before").isFalse();
        assertThat(issuers.mayBlock(withTheSecret)).as("a configured key").isFalse();
        assertThat(issuers.mayBlock("not.a.token")).as("refused unasked").isFalse();
    }

    @Test
    void unknownKidRefetchesAtMostOncePerInterval() {
        serve(TestKeys.RSA, "k1");
        provider = provider(uri());
        provider.check(token(TestKeys.RSA, "k1"));

        for (int i = 0; i < 10; i++) {
            NimbusJwtAuthProviderTests.assertRejected(() -> provider.check(token(TestKeys.ATTACKER, "forged-" + Math.random())),
                    "unknown_key");
        }
        assertThat(hits.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void picksUpRotatedKeyAfterAnUnknownKid() {
        serve(TestKeys.RSA, "k1");
        provider = provider(uri());
        provider.check(token(TestKeys.RSA, "k1"));

        serve(TestKeys.ATTACKER, "k2");

        assertThat(provider.check(token(TestKeys.ATTACKER, "k2")).subject()).isEqualTo("alice");
        assertThat(hits).hasValue(2);
    }

    @Test
    void unreachableSetWithNoCachedKeyIsUnavailableNotUnauthenticated(CapturedOutput output) throws IOException {
        int port = server.getAddress().getPort();
        server.stop(0);
        provider = provider(URI.create("http://127.0.0.1:" + port + "/jwks"));

        assertThatExceptionOfType(AuthUnavailableException.class).isThrownBy(() -> provider.check(token(TestKeys.RSA, "k1")))
                .satisfies(failure -> {
                    assertThat(failure.reason()).isEqualTo("key_set_unavailable");
                    assertThat(failure.detail()).doesNotContain("127.0.0.1").doesNotContain(String.valueOf(port));
                    assertThat(failure.retryAfter()).isPositive();
                });
        // Still 503 while the rate limit holds back further fetches.
        assertThatExceptionOfType(AuthUnavailableException.class).isThrownBy(() -> provider.check(token(TestKeys.RSA, "k1")));
        assertThatExceptionOfType(AuthUnavailableException.class).isThrownBy(() -> provider.check(token(TestKeys.RSA, "k1")));
        // Said once, naming the set and the cause: not once per request.
        assertThat(output.getAll()).containsOnlyOnce("policy-auth: the JWK Set at http://127.0.0.1:" + port
                + "/jwks cannot be used (connection refused)");
    }

    @Test
    void hmacTokensAreNeverCheckedAgainstAJwkSet() throws Exception {
        serve(TestKeys.RSA, "k1");
        provider = provider(uri());
        String token = TestKeys.token(new com.nimbusds.jose.crypto.MACSigner(TestKeys.SECRET), JWSAlgorithm.HS256,
                claims -> { });

        NimbusJwtAuthProviderTests.assertRejected(() -> provider.check(token), "unsupported_algorithm");
        assertThat(hits).hasValue(0);
    }

    private NimbusJwtAuthProvider provider(URI uri) {
        JwkSetOptions options = new JwkSetOptions(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMillis(500), Duration.ofSeconds(1), JwkSetOptions.DEFAULT_SIZE_LIMIT);
        return NimbusJwtAuthProvider.withJwkSetUri(uri, options, tasks).build();
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    private void serve(KeyPair keys, String kid) {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID(kid).build();
        served.set(new JWKSet(jwk).toString());
    }

    private static String token(KeyPair keys, String kid) {
        return TestKeys.token(new RSASSASigner(keys.getPrivate()), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                .build(), claims -> { });
    }
}
