package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;

class NimbusJwtAuthProviderTests {

    private static final JwtClaimRules RULES = JwtClaimRules.of(null, Set.of(), null, "groups");

    private final NimbusJwtAuthProvider hmac = NimbusJwtAuthProvider.withSecret(TestKeys.SECRET).rules(RULES).build();

    private final NimbusJwtAuthProvider rsa = NimbusJwtAuthProvider.withPublicKey(TestKeys.RSA.getPublic()).rules(RULES)
            .build();

    private final MACSigner macSigner = macSigner(TestKeys.SECRET);

    @Test
    void acceptsHs256WithSpaceSeparatedScopesAndCustomRoles() {
        String token = TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.claim("scope", "Orders:Read orders:write").claim("groups", List.of("admin"))
                        .jwtID("id-1"));

        AuthenticatedUser user = hmac.check(token);

        assertThat(user.subject()).isEqualTo("alice");
        assertThat(user.scopes()).containsExactly("orders:read", "orders:write");
        assertThat(user.roles()).containsExactly("admin");
        assertThat(user.tokenId()).isEqualTo("id-1");
        assertThat(user.mechanism()).isEqualTo("jwt");
        assertThat(user.expiresAt()).isAfter(Instant.now());
    }

    @Test
    void acceptsRs256WithScpArray() {
        String token = TestKeys.token(new RSASSASigner(TestKeys.RSA.getPrivate()), JWSAlgorithm.RS256,
                claims -> claims.claim("scp", List.of("Reports.Read")));

        assertThat(rsa.check(token).scopes()).containsExactly("reports.read");
    }

    @Test
    void acceptsEs256() throws Exception {
        NimbusJwtAuthProvider ec = NimbusJwtAuthProvider.withPublicKey(TestKeys.EC.getPublic()).rules(RULES).build();
        String token = TestKeys.token(new ECDSASigner((ECPrivateKey) TestKeys.EC.getPrivate()), JWSAlgorithm.ES256,
                claims -> claims.claim("groups", "ops dev"));

        assertThat(ec.check(token).roles()).containsExactly("ops", "dev");
        assertThat(ec.algorithms()).containsExactly(JWSAlgorithm.ES256);
    }

    @Test
    void rejectsExpiredToken() {
        String token = TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(120))));

        assertRejected(() -> hmac.check(token), "token_expired");
    }

    @Test
    void acceptsTokensWithinClockSkew() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        NimbusJwtAuthProvider skewed = new NimbusJwtAuthProvider(Set.of(JWSAlgorithm.HS256),
                new StaticVerifierSource(macVerifier()), RULES.withClock(Clock.fixed(now, ZoneOffset.UTC)));
        String expiredRecently = TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.expirationTime(Date.from(now.minusSeconds(59))));
        String validSoon = TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.expirationTime(Date.from(now.plusSeconds(600))).notBeforeTime(Date.from(now.plusSeconds(59))));
        String expiredBeyondSkew = TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.expirationTime(Date.from(now.minusSeconds(61))));

        assertThat(skewed.check(expiredRecently).subject()).isEqualTo("alice");
        assertThat(skewed.check(validSoon).subject()).isEqualTo("alice");
        assertRejected(() -> skewed.check(expiredBeyondSkew), "token_expired");
    }

    @Test
    void rejectsTokenNotYetValid() {
        String token = TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(120))));

        assertRejected(() -> hmac.check(token), "token_not_yet_valid");
    }

    @Test
    void rejectsWrongSignature() {
        String token = TestKeys.token(macSigner("another-secret-that-is-32-bytes-long!!".getBytes()),
                JWSAlgorithm.HS256, claims -> { });

        assertRejected(() -> hmac.check(token), "bad_signature");
    }

    @Test
    void rejectsTamperedPayload() {
        String token = TestKeys.token(macSigner, JWSAlgorithm.HS256, claims -> { });
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + TestKeys.base64Url("{\"sub\":\"admin\",\"exp\":4102444800}") + "." + parts[2];

        assertRejected(() -> hmac.check(forged), "bad_signature");
    }

    @Test
    void rejectsAlgNone() {
        String token = TestKeys.base64Url("{\"alg\":\"none\"}") + "."
                + TestKeys.base64Url("{\"sub\":\"alice\",\"exp\":4102444800}") + ".";

        assertRejected(() -> hmac.check(token), "unsupported_algorithm");
    }

    @Test
    void rejectsAlgorithmNotOnTheAllowlist() {
        byte[] longSecret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".getBytes();
        NimbusJwtAuthProvider hs256Only = NimbusJwtAuthProvider.withSecret(longSecret).algorithms(Set.of("HS256"))
                .rules(RULES).build();
        String token = TestKeys.token(macSigner(longSecret), JWSAlgorithm.HS512, claims -> { });

        assertRejected(() -> hs256Only.check(token), "unsupported_algorithm");
    }

    @Test
    void rejectsHs256SignedWithTheRsaPublicKeyBytes() {
        byte[] publicKeyBytes = TestKeys.RSA.getPublic().getEncoded();
        String token = TestKeys.token(macSigner(publicKeyBytes), JWSAlgorithm.HS256, claims -> { });

        assertRejected(() -> rsa.check(token), "unsupported_algorithm");
    }

    @Test
    void neverUsesAKeyEmbeddedInTheToken() throws Exception {
        RSAKey attacker = new RSAKey.Builder((RSAPublicKey) TestKeys.ATTACKER.getPublic())
                .privateKey(TestKeys.ATTACKER.getPrivate()).build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(attacker.toPublicJWK()).build();
        String token = TestKeys.token(new RSASSASigner(attacker), header, claims -> { });

        assertRejected(() -> rsa.check(token), "bad_signature");
    }

    @Test
    void rejectsUnknownCriticalHeader() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).criticalParams(Set.of("exp-policy"))
                .customParam("exp-policy", "strict").build();
        String token = TestKeys.token(macSigner, header, claims -> { });

        assertRejected(() -> hmac.check(token), "unsupported_critical_header");
    }

    @Test
    void checksIssuerExactly() {
        NimbusJwtAuthProvider withIssuer = NimbusJwtAuthProvider.withSecret(TestKeys.SECRET)
                .rules(JwtClaimRules.of("https://issuer.example", Set.of(), null, null)).build();

        assertThat(withIssuer.check(TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.issuer("https://issuer.example"))).subject()).isEqualTo("alice");
        assertRejected(() -> withIssuer.check(TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.issuer("https://issuer.example/"))), "bad_issuer");
        assertRejected(() -> withIssuer.check(TestKeys.token(macSigner, JWSAlgorithm.HS256, claims -> { })),
                "bad_issuer");
    }

    @Test
    void checksAudienceStringOrArray() {
        NimbusJwtAuthProvider withAudience = NimbusJwtAuthProvider.withSecret(TestKeys.SECRET)
                .rules(JwtClaimRules.of(null, Set.of("orders-api"), null, null)).build();

        assertThat(withAudience.check(TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.audience("orders-api"))).subject()).isEqualTo("alice");
        assertThat(withAudience.check(TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.audience(List.of("billing-api", "orders-api")))).subject()).isEqualTo("alice");
        assertRejected(() -> withAudience.check(TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.audience(List.of("billing-api")))), "bad_audience");
        assertRejected(() -> withAudience.check(TestKeys.token(macSigner, JWSAlgorithm.HS256, claims -> { })),
                "bad_audience");
    }

    @Test
    void requiresExpiry() {
        String token = TestKeys.token(macSigner, JWSAlgorithm.HS256, claims -> claims.expirationTime(null));

        assertRejected(() -> hmac.check(token), "missing_exp");
    }

    @Test
    void requiresSubject() {
        String token = TestKeys.token(macSigner, JWSAlgorithm.HS256, claims -> claims.subject(null));

        assertRejected(() -> hmac.check(token), "missing_subject");
    }

    @Test
    void rejectsNonNumericExpiry() {
        String token = TestKeys.token(macSigner, JWSAlgorithm.HS256, claims -> claims.claim("exp", "tomorrow"));

        assertRejected(() -> hmac.check(token), "malformed_token");
    }

    static Stream<String> malformedTokens() {
        String header = TestKeys.base64Url("{\"alg\":\"HS256\"}");
        String payload = TestKeys.base64Url("{\"sub\":\"alice\",\"exp\":4102444800}");
        return Stream.of("garbage", "a.b", header + "." + payload, header + ".%%%." + "abc",
                "!!!." + payload + ".abc", TestKeys.base64Url("[1,2]") + "." + payload + ".abc",
                TestKeys.base64Url("{\"alg\":\"HS256\"}") + "." + TestKeys.base64Url("[]") + ".abc",
                "a.b.c.d.e", "...", "x".repeat(NimbusJwtAuthProvider.MAX_TOKEN_LENGTH + 1),
                header + "." + TestKeys.base64Url("not json") + ".abc");
    }

    @ParameterizedTest
    @MethodSource("malformedTokens")
    void malformedTokensOnlyEverFailWithAuthenticationException(String token) {
        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> hmac.check(token))
                .satisfies(failure -> {
                    assertThat(failure.reason()).isIn("malformed_token", "bad_signature", "unsupported_algorithm");
                    assertThat(failure.credentialPresented()).isTrue();
                    assertThat(failure.getMessage()).doesNotContain(token);
                });
    }

    @Test
    void rejectsEmptyOrMissingToken() {
        assertRejected(() -> hmac.check(""), "malformed_token");
        assertRejected(() -> hmac.check(null), "malformed_token");
    }

    @Test
    void rejectionsCarryAnInvalidTokenChallengeWithoutTheToken() {
        String token = TestKeys.token(macSigner, JWSAlgorithm.HS256,
                claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(3600))));

        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> hmac.check(token))
                .satisfies(failure -> {
                    assertThat(failure.challenges()).singleElement().satisfies(challenge -> {
                        assertThat(challenge.scheme()).isEqualTo("Bearer");
                        assertThat(challenge.params()).containsEntry("error", "invalid_token");
                        assertThat(challenge.params().values()).noneMatch(value -> value.contains(token.substring(0, 10)));
                    });
                    assertThat(failure.getCause()).isNull();
                });
    }

    @Test
    void refusesAlgorithmsTheKeyCannotVerify() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NimbusJwtAuthProvider.withPublicKey(TestKeys.RSA.getPublic())
                .algorithms(Set.of("HS256")).rules(RULES).build())
                .withMessageContaining("HS256");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NimbusJwtAuthProvider.withPublicKey(TestKeys.EC.getPublic())
                .algorithms(Set.of("ES384")).rules(RULES).build())
                .withMessageContaining("ES384");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NimbusJwtAuthProvider.withSecret(TestKeys.SECRET).algorithms(Set.of("RS256"))
                .rules(RULES).build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NimbusJwtAuthProvider.withSecret(TestKeys.SECRET).algorithms(Set.of("HS512"))
                .rules(RULES).build())
                .withMessageContaining("64 bytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NimbusJwtAuthProvider.withSecret(TestKeys.SECRET).algorithms(Set.of("HS257"))
                .rules(RULES).build())
                .withMessageContaining("unknown algorithm");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NimbusJwtAuthProvider.withSecret(new byte[31]).rules(RULES).build());
    }

    static void assertRejected(Runnable check, String reason) {
        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(check::run)
                .satisfies(failure -> assertThat(failure.reason()).isEqualTo(reason));
    }

    private static MACSigner macSigner(byte[] secret) {
        try {
            return new MACSigner(secret);
        }
        catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static com.nimbusds.jose.crypto.MACVerifier macVerifier() {
        try {
            return new com.nimbusds.jose.crypto.MACVerifier(TestKeys.SECRET);
        }
        catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }
}
