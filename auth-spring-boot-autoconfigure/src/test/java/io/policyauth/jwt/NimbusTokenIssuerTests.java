package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import io.policyauth.core.AuthenticatedUser;

class NimbusTokenIssuerTests {

    private static final TokenSettings SETTINGS = TokenSettings.of("https://issuer.example", List.of("orders-api"),
            null, "roles");

    private static final JwtClaimRules RULES = JwtClaimRules.of("https://issuer.example", Set.of("orders-api"), null,
            "roles");

    @Test
    void hs256RoundTrip() throws Exception {
        NimbusTokenIssuer issuer = NimbusTokenIssuer.withSecret(TestKeys.SECRET, JWSAlgorithm.HS256, SETTINGS);
        NimbusJwtAuthProvider provider = NimbusJwtAuthProvider.withSecret(TestKeys.SECRET).rules(RULES).build();

        assertRoundTrip(issuer.createToken("alice", List.of("orders:read", "orders:write"), List.of("admin")), provider);
        assertThat(issuer.algorithm()).isEqualTo(JWSAlgorithm.HS256);
    }

    @Test
    void rs256RoundTrip() throws Exception {
        NimbusTokenIssuer issuer = NimbusTokenIssuer.withPrivateKey(TestKeys.RSA.getPrivate(), null, SETTINGS);
        NimbusJwtAuthProvider provider = NimbusJwtAuthProvider.withPublicKey(TestKeys.RSA.getPublic()).rules(RULES)
                .build();

        assertRoundTrip(issuer.createToken("alice", List.of("orders:read", "orders:write"), List.of("admin")), provider);
        assertThat(issuer.algorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void es256RoundTrip() throws Exception {
        NimbusTokenIssuer issuer = NimbusTokenIssuer.withPrivateKey(TestKeys.EC.getPrivate(), "key-1", SETTINGS);
        NimbusJwtAuthProvider provider = NimbusJwtAuthProvider.withPublicKey(TestKeys.EC.getPublic()).rules(RULES)
                .build();

        String token = issuer.createToken("alice", List.of("orders:read", "orders:write"), List.of("admin"));
        assertRoundTrip(token, provider);
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo("key-1");
        assertThat(issuer.algorithm()).isEqualTo(JWSAlgorithm.ES256);
    }

    @Test
    void customLifetimeAndFreshJtiPerToken() throws Exception {
        NimbusTokenIssuer issuer = NimbusTokenIssuer.withSecret(TestKeys.SECRET, JWSAlgorithm.HS256, SETTINGS);

        String first = issuer.createToken("bob", List.of(), List.of(), Duration.ofMinutes(5));
        String second = issuer.createToken("bob", List.of(), List.of(), Duration.ofMinutes(5));

        var claims = SignedJWT.parse(first).getJWTClaimsSet();
        assertThat(claims.getExpirationTime().toInstant())
                .isCloseTo(Instant.now().plus(5, ChronoUnit.MINUTES), within(5, ChronoUnit.SECONDS));
        assertThat(claims.getJWTID()).isNotEqualTo(SignedJWT.parse(second).getJWTClaimsSet().getJWTID());
        assertThat(claims.getClaim("scope")).isNull();
    }

    private static void assertRoundTrip(String token, NimbusJwtAuthProvider provider) throws Exception {
        AuthenticatedUser user = provider.check(token);
        assertThat(user.subject()).isEqualTo("alice");
        assertThat(user.scopes()).containsExactly("orders:read", "orders:write");
        assertThat(user.roles()).containsExactly("admin");
        assertThat(user.tokenId()).matches("[0-9a-f-]{36}");
        assertThat(user.expiresAt()).isCloseTo(Instant.now().plus(60, ChronoUnit.MINUTES), within(5, ChronoUnit.SECONDS));

        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://issuer.example");
        assertThat(claims.getAudience()).containsExactly("orders-api");
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
    }
}
