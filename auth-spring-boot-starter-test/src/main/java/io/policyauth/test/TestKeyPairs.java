package io.policyauth.test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import org.jspecify.annotations.Nullable;

import io.policyauth.autoconfigure.jwt.JwtIssuerProperties;
import io.policyauth.autoconfigure.jwt.JwtProperties;
import io.policyauth.autoconfigure.jwt.JwtVerificationKeyOverride;

/**
 * A key pair generated for each configured issuer that verifies with a public key, a JWK Set or an
 * issuer URI, whose private key a test never has. The application verifies that issuer's tokens
 * with the public half instead of its configured source; {@link TestTokens} signs with the private
 * half. Exists only in test contexts, where {@link PolicyAuthTestContextCustomizerFactory} adds it.
 */
public final class TestKeyPairs implements JwtVerificationKeyOverride {

    /** The key of the issuer configured directly under {@code policy-auth.jwt}. */
    private static final String TOP_LEVEL = "";

    private final JwtProperties properties;
    private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();

    /**
     * @param properties {@code policy-auth.jwt}
     */
    public TestKeyPairs(JwtProperties properties) {
        this.properties = properties;
    }

    @Override
    public @Nullable PublicKey verificationKey(@Nullable String issuerName) {
        return signingKey(issuerName).map(key -> key.pair().getPublic()).orElse(null);
    }

    /**
     * @param issuerName the issuer's name under {@code policy-auth.jwt.issuers}, or {@code null}
     * @return the key pair that stands in for that issuer's keys; empty for an issuer that signs with
     *         its HMAC secret
     */
    Optional<SigningKey> signingKey(@Nullable String issuerName) {
        JwtIssuerProperties issuer = issuerName == null ? properties : properties.getIssuers().get(issuerName);
        if (issuer == null || (issuer.getSecret() != null && !issuer.getSecret().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(keys.computeIfAbsent(issuerName == null ? TOP_LEVEL : issuerName,
                name -> generate(issuer.getAlgorithms())));
    }

    /* The first asymmetric algorithm the issuer allows chooses the key; RS256 when it names none. */
    private static SigningKey generate(List<String> allowed) {
        JWSAlgorithm algorithm = allowed.stream().map(name -> JWSAlgorithm.parse(name.trim()))
                .filter(candidate -> JWSAlgorithm.Family.RSA.contains(candidate)
                        || JWSAlgorithm.Family.EC.contains(candidate))
                .findFirst().orElse(JWSAlgorithm.RS256);
        try {
            KeyPairGenerator generator;
            if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
            }
            else {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(curve(algorithm)));
            }
            return new SigningKey(generator.generateKeyPair(), algorithm);
        }
        catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("Cannot generate a test key for " + algorithm, unavailable);
        }
    }

    private static String curve(JWSAlgorithm algorithm) {
        if (JWSAlgorithm.ES384.equals(algorithm)) {
            return "secp384r1";
        }
        if (JWSAlgorithm.ES512.equals(algorithm)) {
            return "secp521r1";
        }
        return "secp256r1";
    }

    /**
     * A generated key pair and the algorithm tokens are signed with.
     *
     * @param pair the keys
     * @param algorithm the signing algorithm
     */
    record SigningKey(KeyPair pair, JWSAlgorithm algorithm) {
    }
}
