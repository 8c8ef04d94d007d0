package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

class CompactJwsTests {

    private static final JwtClaimRules RULES = JwtClaimRules.defaults();

    @Test
    void hs384AndHs512VerifyWithTheKeyedMac() throws JOSEException {
        byte[] secret = new byte[64];
        Arrays.fill(secret, (byte) 7);
        NimbusJwtAuthProvider provider = NimbusJwtAuthProvider.withSecret(secret).algorithms(Set.of("HS384", "HS512"))
                .rules(RULES).build();

        for (JWSAlgorithm algorithm : Set.of(JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
            String token = TestKeys.token(new MACSigner(secret), algorithm, claims -> { });
            assertThat(provider.check(token).subject()).isEqualTo("alice");
        }
    }

    @Test
    void theKeyedMacRefusesOtherKeysAndNonBase64UrlSignatures() throws JOSEException {
        HmacVerifier verifier = (HmacVerifier) HmacVerifier.create(TestKeys.SECRET, Set.of(JWSAlgorithm.HS256));
        JWSHeader header = new JWSHeader(JWSAlgorithm.HS256);
        byte[] input = "e30.e30".getBytes(StandardCharsets.US_ASCII);
        Base64URL good = new MACSigner(TestKeys.SECRET).sign(header, input);
        byte[] other = "another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.verify(header, input, good)).isTrue();
        assertThat(verifier.verify(header, input, new MACSigner(other).sign(header, input))).isFalse();
        assertThat(verifier.verify(header, input, new Base64URL(good + "*"))).isFalse();
        assertThat(verifier.verify(new JWSHeader(JWSAlgorithm.HS512), input, good)).isFalse();
    }

    @Test
    void theKeyedMacIsSafeAcrossThreads() throws Exception {
        HmacVerifier verifier = (HmacVerifier) HmacVerifier.create(TestKeys.SECRET, Set.of(JWSAlgorithm.HS256));
        JWSHeader header = new JWSHeader(JWSAlgorithm.HS256);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] input = ("e30.payload-" + i).getBytes(StandardCharsets.US_ASCII);
                Base64URL signature = new MACSigner(TestKeys.SECRET).sign(header, input);
                results.add(pool.submit(() -> verifier.verify(header, input, signature)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyHeadersOfVerifiedTokensAreRemembered() throws JOSEException {
        CompactJwsParser parser = new CompactJwsParser();
        NimbusJwtAuthProvider provider = NimbusJwtAuthProvider.withSecret(TestKeys.SECRET).rules(RULES).build();
        String token = TestKeys.token(new MACSigner(TestKeys.SECRET), JWSAlgorithm.HS256, claims -> { });

        CompactJws parsed = parser.parse(token);
        assertThat(parser.rememberedHeaders()).isZero();
        parser.rememberHeader(parsed);
        assertThat(parser.rememberedHeaders()).isEqualTo(1);
        assertThat(parser.parse(token).header()).isSameAs(parsed.header());
        assertThat(provider.check(token).subject()).isEqualTo("alice");
    }

    @Test
    void rememberedHeadersAreBounded() {
        CompactJwsParser parser = new CompactJwsParser();
        for (int i = 0; i < CompactJwsParser.MAX_REMEMBERED_HEADERS * 3; i++) {
            String header = TestKeys.base64Url("{\"alg\":\"HS256\",\"kid\":\"k" + i + "\"}");
            parser.rememberHeader(parser.parse(header + ".e30.c2ln"));
            assertThat(parser.rememberedHeaders()).isLessThanOrEqualTo(CompactJwsParser.MAX_REMEMBERED_HEADERS);
        }
    }

    @Test
    void partsAreSplitExactly() {
        CompactJwsParser parser = new CompactJwsParser();
        String header = TestKeys.base64Url("{\"alg\":\"HS256\"}");

        CompactJws jws = parser.parse(header + ".cGF5bG9hZA.c2ln");

        assertThat(new String(jws.signingInput(), StandardCharsets.US_ASCII))
                .isEqualTo(header + ".cGF5bG9hZA");
        assertThat(jws.encodedPayload()).isEqualTo("cGF5bG9hZA");
        assertThat(jws.signature().toString()).isEqualTo("c2ln");
        NimbusJwtAuthProviderTests.assertRejected(() -> parser.parse(header + ".cGF5bG9hZA"),
                TokenRejections.MALFORMED);
        NimbusJwtAuthProviderTests.assertRejected(() -> parser.parse(header + ".a.b.c"), TokenRejections.MALFORMED);
        NimbusJwtAuthProviderTests.assertRejected(() -> parser.parse(".a.b"), TokenRejections.MALFORMED);
        NimbusJwtAuthProviderTests.assertRejected(
                () -> parser.parse(TestKeys.base64Url("{\"alg\":\"RSA-OAEP\",\"enc\":\"A128GCM\"}") + ".a.b.c.d"),
                TokenRejections.UNSUPPORTED_ALGORITHM);
    }
}
