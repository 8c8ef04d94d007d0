package io.policyauth.idp;

import static io.policyauth.idp.Servers.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Key rotation at a real Spring Authorization Server: a new signing key appears in its JWK Set,
 * the old key's tokens keep working until the old key is removed.
 */
class KeyRotationTests {

    private final Servers servers = new Servers();

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void aNewKeyIsPickedUpAndTheOldKeysTokensWorkUntilItIsRemoved() throws Exception {
        int port = Servers.freePort();
        RotatingKeys keys = servers.authorizationServer(port, RotatingServer.class).getBean(RotatingKeys.class);
        String issuer = Servers.issuer(port);
        int app = servers.application(List.of(Applications.Application.class), "policy-auth.jwt.issuer-uri=" + issuer,
                "policy-auth.jwt.audiences=" + CLIENT, "policy-auth.jwt.jwk-set.min-refetch-interval=500ms",
                "policy-auth.jwt.jwk-set.cache-ttl=3s", "policy-auth.jwt.jwk-set.refresh-ahead=500ms",
                "policy-auth.jwt.verified-token-cache-ttl=1s");
        String oldToken = servers.clientCredentialsToken(issuer, "orders.read");
        assertThat(servers.get(app, "/orders", oldToken).statusCode()).isEqualTo(200);

        keys.rotate();
        String newToken = servers.clientCredentialsToken(issuer, "orders.read");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> servers.get(app, "/orders", newToken).statusCode() == 200);
        assertThat(servers.get(app, "/orders", oldToken).statusCode()).as("the old key is still published")
                .isEqualTo(200);

        keys.retireOld();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> servers.get(app, "/orders", oldToken).statusCode() == 401);
        assertThat(servers.get(app, "/orders", newToken).statusCode()).isEqualTo(200);
    }

    /** Spring Authorization Server signing with the newest of the keys it publishes. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class RotatingServer {

        @Bean
        RotatingKeys rotatingKeys() {
            return new RotatingKeys();
        }

        @Bean
        JWKSource<SecurityContext> jwkSource(RotatingKeys keys) {
            return (selector, context) -> selector.select(new JWKSet(List.copyOf(keys.published)));
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> signWithTheNewestKey(RotatingKeys keys) {
            return context -> context.getJwsHeader().keyId(keys.published.get(0).getKeyID());
        }
    }

    /** The published keys, newest first. */
    static final class RotatingKeys {

        final List<com.nimbusds.jose.jwk.JWK> published = new CopyOnWriteArrayList<>(List.of(newKey("k1")));

        void rotate() {
            published.add(0, newKey("k2"));
        }

        void retireOld() {
            published.removeIf(key -> !key.getKeyID().equals("k2"));
        }

        private static RSAKey newKey(String kid) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID(kid).build();
            }
            catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
