package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;

class VerifiedTokenCacheTests {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    private final JwtClaimRules rules = JwtClaimRules.of(null, Set.of(), Duration.ZERO, null).withClock(clock);

    private final CountingVerifier rsaVerifier = new CountingVerifier(
            new RSASSAVerifier((RSAPublicKey) TestKeys.RSA.getPublic()));

    private final RSASSASigner rsaSigner = new RSASSASigner(TestKeys.RSA.getPrivate());

    @Test
    void aCachedTokenSkipsTheSignatureCheck() {
        NimbusJwtAuthProvider provider = rsaProvider(VerifiedTokenCacheSettings.defaults(), TokenDenylist.none());
        String token = rsaToken(START.plusSeconds(300), "id-1");

        AuthenticatedUser first = provider.check(token);
        AuthenticatedUser second = provider.check(token);

        assertThat(rsaVerifier.calls()).isEqualTo(1);
        assertThat(second).isSameAs(first);
        assertThat(second.subject()).isEqualTo("alice");
        assertThat(provider.cachesVerifiedTokens()).isTrue();
    }

    @Test
    void anotherTokenStringIsVerifiedEvenWithTheSameClaims() {
        NimbusJwtAuthProvider provider = rsaProvider(VerifiedTokenCacheSettings.defaults(), TokenDenylist.none());
        String token = rsaToken(START.plusSeconds(300), "id-1");
        provider.check(token);

        // Same header and payload, another signature: must not ride on the cached entry.
        String forged = token.substring(0, token.lastIndexOf('.') + 1)
                + Base64URL.encode(new byte[256]).toString();

        assertRejected(() -> provider.check(forged), TokenRejections.BAD_SIGNATURE);
        assertThat(rsaVerifier.calls()).isEqualTo(2);
    }

    @Test
    void aCachedTokenIsRejectedOnceItExpires() {
        NimbusJwtAuthProvider provider = rsaProvider(VerifiedTokenCacheSettings.defaults(), TokenDenylist.none());
        String token = rsaToken(START.plusSeconds(60), "id-1");
        provider.check(token);

        clock.set(START.plusSeconds(59));
        provider.check(token);
        assertThat(rsaVerifier.calls()).isEqualTo(1);

        clock.set(START.plusSeconds(60));
        assertRejected(() -> provider.check(token), TokenRejections.TOKEN_EXPIRED);
    }

    @Test
    void aCachedTokenIsRejectedAtExpiryEvenWithClockSkew() {
        // With skew, full verification still accepts the token for a while; the cache never does.
        JwtClaimRules skewed = JwtClaimRules.of(null, Set.of(), Duration.ofSeconds(30), null).withClock(clock);
        NimbusJwtAuthProvider provider = new NimbusJwtAuthProvider(Set.of(JWSAlgorithm.RS256),
                new StaticVerifierSource(rsaVerifier), skewed, VerifiedTokenCacheSettings.defaults(),
                TokenDenylist.none());
        String token = rsaToken(START.plusSeconds(60), "id-1");
        provider.check(token);

        clock.set(START.plusSeconds(70));
        provider.check(token);

        assertThat(rsaVerifier.calls()).isEqualTo(2);
    }

    @Test
    void entriesLiveAtMostTheTtl() {
        NimbusJwtAuthProvider provider = rsaProvider(new VerifiedTokenCacheSettings(100, Duration.ofSeconds(10)),
                TokenDenylist.none());
        String token = rsaToken(START.plusSeconds(3600), "id-1");
        provider.check(token);

        clock.set(START.plusSeconds(9));
        provider.check(token);
        assertThat(rsaVerifier.calls()).isEqualTo(1);

        clock.set(START.plusSeconds(10));
        provider.check(token);
        assertThat(rsaVerifier.calls()).isEqualTo(2);
    }

    @Test
    void theDenylistIsConsultedOnEveryHit() {
        Set<String> revoked = new CopyOnWriteArraySet<>();
        AtomicInteger lookups = new AtomicInteger();
        TokenDenylist denylist = jti -> {
            lookups.incrementAndGet();
            return revoked.contains(jti);
        };
        NimbusJwtAuthProvider provider = rsaProvider(VerifiedTokenCacheSettings.defaults(), denylist);
        String token = rsaToken(START.plusSeconds(300), "id-1");
        provider.check(token);
        provider.check(token);

        revoked.add("id-1");

        assertRejected(() -> provider.check(token), TokenRejections.TOKEN_REVOKED);
        assertThat(lookups).hasValue(3);
        assertThat(rsaVerifier.calls()).isEqualTo(1);
    }

    @Test
    void theDenylistAppliesToHmacTokensToo() {
        NimbusJwtAuthProvider provider = NimbusJwtAuthProvider.withSecret(TestKeys.SECRET).rules(rules)
                .denylist("id-9"::equals).build();
        String token = TestKeys.token(macSigner(), JWSAlgorithm.HS256,
                claims -> claims.expirationTime(Date.from(START.plusSeconds(300))).jwtID("id-9"));

        assertRejected(() -> provider.check(token), TokenRejections.TOKEN_REVOKED);
    }

    @Test
    void hmacTokensAreCachedToo() throws JOSEException {
        CountingVerifier macVerifier = new CountingVerifier(new MACVerifier(TestKeys.SECRET));
        NimbusJwtAuthProvider provider = new NimbusJwtAuthProvider(Set.of(JWSAlgorithm.HS256),
                new StaticVerifierSource(macVerifier), rules, VerifiedTokenCacheSettings.defaults(),
                TokenDenylist.none());
        String token = TestKeys.token(macSigner(), JWSAlgorithm.HS256,
                claims -> claims.expirationTime(Date.from(START.plusSeconds(300))));

        provider.check(token);
        provider.check(token);

        assertThat(macVerifier.calls()).as("a token seen before skips verification, parse and mapping")
                .isEqualTo(1);
        assertThat(provider.cachesVerifiedTokens()).isTrue();
        assertThat(NimbusJwtAuthProvider.withSecret(TestKeys.SECRET).rules(rules).build().cachesVerifiedTokens())
                .isTrue();
    }

    @Test
    void esTokensAreCached() throws JOSEException {
        CountingVerifier ecVerifier = new CountingVerifier(new ECDSAVerifier((ECPublicKey) TestKeys.EC.getPublic()));
        NimbusJwtAuthProvider provider = new NimbusJwtAuthProvider(Set.of(JWSAlgorithm.ES256),
                new StaticVerifierSource(ecVerifier), rules, VerifiedTokenCacheSettings.defaults(),
                TokenDenylist.none());
        String token = TestKeys.token(new ECDSASigner((ECPrivateKey) TestKeys.EC.getPrivate()), JWSAlgorithm.ES256,
                claims -> claims.expirationTime(Date.from(START.plusSeconds(300))));

        provider.check(token);
        provider.check(token);

        assertThat(ecVerifier.calls()).isEqualTo(1);
    }

    @Test
    void aDisabledCacheVerifiesEveryTime() {
        NimbusJwtAuthProvider provider = rsaProvider(VerifiedTokenCacheSettings.disabled(), TokenDenylist.none());
        String token = rsaToken(START.plusSeconds(300), "id-1");

        provider.check(token);
        provider.check(token);

        assertThat(rsaVerifier.calls()).isEqualTo(2);
        assertThat(provider.cachesVerifiedTokens()).isFalse();
    }

    @Test
    void theCacheIsBounded() {
        VerifiedTokenCache cache = new VerifiedTokenCache(new VerifiedTokenCacheSettings(16, Duration.ofMinutes(5)),
                ticker());
        long now = START.toEpochMilli();
        for (int i = 0; i < 1000; i++) {
            cache.put("token-" + i, AuthenticatedUser.anonymous(), now + 60_000, now);
            assertThat(cache.size()).isLessThanOrEqualTo(16);
        }
        assertThat(cache.get("token-999", now)).isNotNull();
    }

    @Test
    void holdsSaysWhetherGetWouldFindTheTokenWithoutReadingIt() {
        VerifiedTokenCache cache = new VerifiedTokenCache(new VerifiedTokenCacheSettings(16, Duration.ofMinutes(5)),
                ticker());
        long now = START.toEpochMilli();
        cache.put("token", AuthenticatedUser.anonymous(), now + 1_000, now);

        assertThat(cache.holds("token", now)).isTrue();
        assertThat(cache.holds("other", now)).isFalse();
        assertThat(cache.holds("token", now + 1_000)).isFalse();
        assertThat(cache.get("token", now + 1_000)).isNull();
    }

    @Test
    void aFullCacheDropsExpiredEntriesFirst() {
        VerifiedTokenCache cache = new VerifiedTokenCache(new VerifiedTokenCacheSettings(4, Duration.ofMinutes(5)),
                ticker());
        long now = START.toEpochMilli();
        cache.put("long-lived", AuthenticatedUser.anonymous(), now + 60_000, now);
        for (int i = 0; i < 3; i++) {
            cache.put("short-" + i, AuthenticatedUser.anonymous(), now + 1_000, now);
        }

        clock.set(START.plusSeconds(2));
        cache.put("new", AuthenticatedUser.anonymous(), now + 60_000, now + 2_000);

        assertThat(cache.get("long-lived", now + 2_000)).isNotNull();
        assertThat(cache.get("new", now + 2_000)).isNotNull();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void theProviderCacheIsBoundedToo() {
        NimbusJwtAuthProvider provider = rsaProvider(new VerifiedTokenCacheSettings(2, Duration.ofMinutes(5)),
                TokenDenylist.none());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(rsaToken(START.plusSeconds(300), "id-" + i));
        }
        tokens.forEach(provider::check);
        tokens.forEach(provider::check);

        // Three tokens through a cache of two: at least one is verified again.
        assertThat(rsaVerifier.calls()).isGreaterThan(3);
    }

    @Test
    void cachedClaimsCannotBeChangedByACaller() {
        NimbusJwtAuthProvider provider = rsaProvider(VerifiedTokenCacheSettings.defaults(), TokenDenylist.none());
        String token = TestKeys.token(rsaSigner, JWSAlgorithm.RS256, claims -> claims
                .expirationTime(Date.from(START.plusSeconds(300))).claim("groups", List.of("a"))
                .claim("org", Map.of("units", List.of("x"))));

        Map<String, Object> claims = provider.check(token).claims();

        assertThat(claims.get("groups")).isInstanceOfSatisfying(List.class,
                list -> assertThatUnsupported(() -> list.add("b")));
        Map<?, ?> org = (Map<?, ?>) claims.get("org");
        assertThat(org.get("units")).isInstanceOfSatisfying(List.class,
                list -> assertThatUnsupported(() -> list.clear()));
    }

    @Test
    void settingsAreValidated() {
        assertThatIllegalArgumentException().isThrownBy(() -> new VerifiedTokenCacheSettings(-1, Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new VerifiedTokenCacheSettings(1, Duration.ofSeconds(-1)));
        assertThat(new VerifiedTokenCacheSettings(0, Duration.ofMinutes(1)).enabled()).isFalse();
        assertThat(new VerifiedTokenCacheSettings(10, Duration.ZERO).enabled()).isFalse();
        assertThat(VerifiedTokenCacheSettings.defaults().enabled()).isTrue();
    }

    private NimbusJwtAuthProvider rsaProvider(VerifiedTokenCacheSettings cache, TokenDenylist denylist) {
        return new NimbusJwtAuthProvider(Set.of(JWSAlgorithm.RS256), new StaticVerifierSource(rsaVerifier), rules,
                cache, denylist);
    }

    private String rsaToken(Instant expiry, String jti) {
        return TestKeys.token(rsaSigner, JWSAlgorithm.RS256,
                claims -> claims.expirationTime(Date.from(expiry)).jwtID(jti));
    }

    private static MACSigner macSigner() {
        try {
            return new MACSigner(TestKeys.SECRET);
        }
        catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private com.github.benmanes.caffeine.cache.Ticker ticker() {
        return () -> java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

    private static void assertRejected(Runnable check, String reason) {
        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(check::run)
                .satisfies(rejection -> assertThat(rejection.reason()).isEqualTo(reason));
    }

    private static void assertThatUnsupported(Runnable change) {
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(change::run);
    }

    /** Counts signature checks, which the cache exists to skip. */
    private static final class CountingVerifier implements JWSVerifier {

        private final JWSVerifier delegate;
        private final AtomicInteger calls = new AtomicInteger();

        CountingVerifier(JWSVerifier delegate) {
            this.delegate = delegate;
        }

        int calls() {
            return calls.get();
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            calls.incrementAndGet();
            return delegate.verify(header, signingInput, signature);
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return delegate.supportedJWSAlgorithms();
        }

        @Override
        public JCAContext getJCAContext() {
            return delegate.getJCAContext();
        }
    }

    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
