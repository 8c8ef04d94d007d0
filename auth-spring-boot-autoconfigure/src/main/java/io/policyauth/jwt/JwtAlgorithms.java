package io.policyauth.jwt;

import org.jspecify.annotations.Nullable;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;

/**
 * The algorithm allowlist of each key source: its defaults, and a check that every configured
 * algorithm can be verified by the key. Binding algorithms to the key type at start is what makes
 * "HS256 signed with the RSA public key" impossible (RFC 8725 section 3.1).
 */
public final class JwtAlgorithms {

    /** Smallest HMAC secret, in bytes, for HS256 (RFC 7518 section 3.2); HS384 and HS512 need more. */
    public static final int MIN_SECRET_BYTES = 32;

    /** Smallest RSA modulus, in bits (RFC 7518 section 3.3). */
    public static final int MIN_RSA_BITS = 2048;

    private static final Set<JWSAlgorithm> RSA = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    private static final Set<JWSAlgorithm> EC = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private JwtAlgorithms() {
    }

    /**
     * The allowlist for an HMAC secret.
     *
     * @param names configured algorithm names; empty means HS256
     * @param secretBytes length of the secret, in bytes
     * @return the allowlist
     * @throws IllegalArgumentException on an unknown algorithm, one that is not HMAC, or a secret
     *         shorter than the algorithm's hash
     */
    public static Set<JWSAlgorithm> forSecret(Collection<String> names, int secretBytes) {
        if (secretBytes < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the secret is " + secretBytes + " bytes; at least "
                    + MIN_SECRET_BYTES + " bytes (256 bits) are required");
        }
        Set<JWSAlgorithm> algorithms = parse(names, Set.of(JWSAlgorithm.HS256));
        for (JWSAlgorithm algorithm : algorithms) {
            if (!JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                throw incompatible(algorithm, "an HMAC secret");
            }
            int needed = hashBytes(algorithm);
            if (secretBytes < needed) {
                throw new IllegalArgumentException(algorithm + " needs a secret of at least " + needed
                        + " bytes; the secret is " + secretBytes + " bytes");
            }
        }
        return algorithms;
    }

    /**
     * The allowlist for an RSA or EC public key.
     *
     * @param names configured algorithm names; empty means RS256 for RSA, ES256/384/512 by curve for EC
     * @param key the verification key
     * @return the allowlist
     * @throws IllegalArgumentException on an unknown algorithm, one the key cannot verify, an RSA
     *         key under 2048 bits or an unsupported key type or curve
     */
    public static Set<JWSAlgorithm> forPublicKey(Collection<String> names, PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException("the RSA key has " + rsa.getModulus().bitLength()
                        + " bits; at least " + MIN_RSA_BITS + " are required");
            }
            return requireWithin(parse(names, Set.of(JWSAlgorithm.RS256)), RSA, "an RSA key");
        }
        if (key instanceof ECPublicKey ec) {
            JWSAlgorithm byCurve = ecAlgorithm(Curve.forECParameterSpec(ec.getParams()));
            return requireWithin(parse(names, Set.of(byCurve)), Set.of(byCurve), "this EC key (" + byCurve + " only)");
        }
        throw new IllegalArgumentException("unsupported key type " + (key == null ? "null" : key.getAlgorithm())
                + "; use an RSA or EC key");
    }

    /**
     * The allowlist for a JWK Set: asymmetric algorithms only, since a published key set never
     * holds an HMAC secret.
     *
     * @param names configured algorithm names; empty means RS256 and ES256
     * @return the allowlist
     * @throws IllegalArgumentException on an unknown or non RSA/EC algorithm
     */
    public static Set<JWSAlgorithm> forJwkSet(Collection<String> names) {
        Set<JWSAlgorithm> allowed = new LinkedHashSet<>(RSA);
        allowed.addAll(EC);
        return requireWithin(parse(names, Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256)), allowed, "a JWK Set");
    }

    /**
     * The JWS algorithm of an EC curve.
     *
     * @param curve the curve, or {@code null} when unknown
     * @return ES256, ES384 or ES512
     * @throws IllegalArgumentException for another curve
     */
    public static JWSAlgorithm ecAlgorithm(@Nullable Curve curve) {
        if (Curve.P_256.equals(curve)) {
            return JWSAlgorithm.ES256;
        }
        if (Curve.P_384.equals(curve)) {
            return JWSAlgorithm.ES384;
        }
        if (Curve.P_521.equals(curve)) {
            return JWSAlgorithm.ES512;
        }
        throw new IllegalArgumentException("unsupported EC curve " + curve + "; use P-256, P-384 or P-521");
    }

    private static Set<JWSAlgorithm> parse(Collection<String> names, Set<JWSAlgorithm> defaults) {
        if (names == null || names.isEmpty()) {
            return defaults;
        }
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : names) {
            String trimmed = name == null ? "" : name.trim();
            // JWSAlgorithm.parse accepts any string; only registered names are meaningful here.
            JWSAlgorithm algorithm = JWSAlgorithm.parse(trimmed);
            if (algorithm.getRequirement() == null) {
                throw new IllegalArgumentException("unknown algorithm '" + trimmed + "'");
            }
            algorithms.add(algorithm);
        }
        return Collections.unmodifiableSet(algorithms);
    }

    private static Set<JWSAlgorithm> requireWithin(Set<JWSAlgorithm> algorithms, Set<JWSAlgorithm> allowed,
            String keyDescription) {
        for (JWSAlgorithm algorithm : algorithms) {
            if (!allowed.contains(algorithm)) {
                throw incompatible(algorithm, keyDescription);
            }
        }
        return algorithms;
    }

    private static IllegalArgumentException incompatible(JWSAlgorithm algorithm, String keyDescription) {
        return new IllegalArgumentException("algorithm " + algorithm + " cannot be verified with " + keyDescription);
    }

    private static int hashBytes(JWSAlgorithm algorithm) {
        if (JWSAlgorithm.HS384.equals(algorithm)) {
            return 48;
        }
        return JWSAlgorithm.HS512.equals(algorithm) ? 64 : 32;
    }
}
