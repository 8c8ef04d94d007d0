package io.policyauth.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;

import io.policyauth.jwt.JwtClaimRules;
import io.policyauth.jwt.NimbusJwtAuthProvider;
import io.policyauth.jwt.NimbusTokenIssuer;
import io.policyauth.jwt.TokenSettings;
import io.policyauth.jwt.VerifiedTokenCacheSettings;

/**
 * Keys and tokens of one benchmark JVM: an HS256 secret, an RSA 2048 and an EC P-256 key pair,
 * generated afresh, and one token per algorithm with the same claims (issuer, audience, scopes,
 * roles, a random jti, a 24 hour lifetime), so every measurement sees tokens of the same shape.
 */
public final class JwtFixture {

    /** The issuer written into and required of every token. */
    public static final String ISSUER = "https://issuer.bench.example";

    /** The audience written into and required of every token. */
    public static final String AUDIENCE = "bench-api";

    /** The subject of every token. */
    public static final String SUBJECT = "alice";

    /** Benchmark-only HS256 secret, 48 bytes. */
    public static final byte[] SECRET = "benchmark-only-secret-0123456789-abcdefghijklmnop".getBytes(StandardCharsets.UTF_8);

    private final KeyPair rsa;
    private final KeyPair ec;
    private final String hs256Token;
    private final String rs256Token;
    private final String es256Token;
    private final NimbusTokenIssuer hs256Issuer;

    public JwtFixture() {
        this.rsa = generate("RSA", null);
        this.ec = generate("EC", "secp256r1");
        TokenSettings settings = TokenSettings.of(ISSUER, List.of(AUDIENCE), Duration.ofHours(24), null);
        this.hs256Issuer = NimbusTokenIssuer.withSecret(SECRET, JWSAlgorithm.HS256, settings);
        this.hs256Token = issue(hs256Issuer);
        this.rs256Token = issue(NimbusTokenIssuer.withPrivateKey(rsa.getPrivate(), null, settings));
        this.es256Token = issue(NimbusTokenIssuer.withPrivateKey(ec.getPrivate(), null, settings));
    }

    /**
     * @return the rules every provider of the benchmarks checks: issuer and audience required
     */
    public static JwtClaimRules rules() {
        return JwtClaimRules.of(ISSUER, Set.of(AUDIENCE), null, null);
    }

    public NimbusJwtAuthProvider hs256Provider(VerifiedTokenCacheSettings cache) {
        return NimbusJwtAuthProvider.withSecret(SECRET).rules(rules()).cache(cache).build();
    }

    public NimbusJwtAuthProvider rs256Provider(VerifiedTokenCacheSettings cache) {
        return NimbusJwtAuthProvider.withPublicKey(rsa.getPublic()).rules(rules()).cache(cache).build();
    }

    public NimbusJwtAuthProvider es256Provider(VerifiedTokenCacheSettings cache) {
        return NimbusJwtAuthProvider.withPublicKey(ec.getPublic()).rules(rules()).cache(cache).build();
    }

    public KeyPair rsa() {
        return rsa;
    }

    public KeyPair ec() {
        return ec;
    }

    public String hs256Token() {
        return hs256Token;
    }

    /**
     * @param tenant the caller's tenant
     * @return an HS256 token of the same shape, naming the tenant
     */
    public String hs256TenantToken(String tenant) {
        return hs256Issuer.createToken(SUBJECT, List.of("orders:read", "orders:write"), List.of("admin"), tenant);
    }

    public String rs256Token() {
        return rs256Token;
    }

    public String es256Token() {
        return es256Token;
    }

    private static String issue(NimbusTokenIssuer issuer) {
        return issuer.createToken(SUBJECT, List.of("orders:read", "orders:write"), List.of("admin"));
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve == null) {
                generator.initialize(2048);
            }
            else {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(algorithm + " keys cannot be generated", unavailable);
        }
    }
}
