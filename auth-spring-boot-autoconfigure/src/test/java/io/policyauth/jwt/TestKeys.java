package io.policyauth.jwt;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Keys and token builders shared by the JWT tests; keys are generated once per JVM. */
final class TestKeys {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test-only".getBytes(StandardCharsets.UTF_8);

    static final KeyPair RSA = generate("RSA", 2048);

    static final KeyPair EC = generateEc("secp256r1");

    /** A key that no configuration trusts. */
    static final KeyPair ATTACKER = generate("RSA", 2048);

    private TestKeys() {
    }

    /** A signed token with sub, exp (now + 5 min) and whatever {@code claims} adds. */
    static String token(JWSSigner signer, JWSAlgorithm algorithm, Consumer<JWTClaimsSet.Builder> claims) {
        return token(signer, new JWSHeader.Builder(algorithm).build(), claims);
    }

    static String token(JWSSigner signer, JWSHeader header, Consumer<JWTClaimsSet.Builder> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("alice")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(header, builder.build());
        try {
            jwt.sign(signer);
        }
        catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
        return jwt.serialize();
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        }
        catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static KeyPair generateEc(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        }
        catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }
}
