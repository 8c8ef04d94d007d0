package io.policyauth.jwt;

import org.jspecify.annotations.Nullable;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs tokens with an HMAC secret or an RSA / EC private key. Each token carries {@code sub},
 * {@code iat}, {@code nbf}, {@code exp}, a random {@code jti}, the configured {@code iss} and
 * {@code aud}, {@code scope} (space separated) and the roles claim (an array).
 */
public final class NimbusTokenIssuer implements TokenIssuer {

    private final JWSSigner signer;
    private final JWSHeader header;
    private final TokenSettings settings;
    private final ClaimPath rolesPath;

    private NimbusTokenIssuer(JWSSigner signer, JWSAlgorithm algorithm, String keyId, TokenSettings settings) {
        this.signer = signer;
        this.header = new JWSHeader.Builder(algorithm).type(new JOSEObjectType(settings.type())).keyID(keyId)
                .build();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rolesPath = ClaimPath.parse(settings.rolesClaim());
    }

    /**
     * An issuer that signs with an HMAC secret.
     *
     * @param secret the secret; long enough for the algorithm (32 bytes for HS256)
     * @param algorithm HS256, HS384 or HS512
     * @param settings claims and lifetime
     * @return the issuer
     * @throws IllegalArgumentException on a short secret or a non-HMAC algorithm
     */
    public static NimbusTokenIssuer withSecret(byte[] secret, JWSAlgorithm algorithm, TokenSettings settings) {
        JwtAlgorithms.forSecret(List.of(algorithm.getName()), secret.length);
        try {
            return new NimbusTokenIssuer(new MACSigner(secret), algorithm, null, settings);
        }
        catch (JOSEException failure) {
            throw new IllegalArgumentException("the secret cannot be used for " + algorithm, failure);
        }
    }

    /**
     * An issuer that signs with a private key: RS256 for RSA, ES256/384/512 by curve for EC.
     *
     * @param key an RSA (at least 2048 bits) or EC (P-256, P-384, P-521) private key
     * @param keyId the {@code kid} to write, so JWK Set verifiers find the key; or {@code null}
     * @param settings claims and lifetime
     * @return the issuer
     * @throws IllegalArgumentException on an unusable key
     */
    public static NimbusTokenIssuer withPrivateKey(PrivateKey key, @Nullable String keyId, TokenSettings settings) {
        if (key instanceof RSAPrivateKey rsa) {
            if (rsa.getModulus().bitLength() < JwtAlgorithms.MIN_RSA_BITS) {
                throw new IllegalArgumentException("the RSA key has " + rsa.getModulus().bitLength()
                        + " bits; at least " + JwtAlgorithms.MIN_RSA_BITS + " are required");
            }
            return new NimbusTokenIssuer(new RSASSASigner(rsa), JWSAlgorithm.RS256, keyId, settings);
        }
        if (key instanceof ECPrivateKey ec) {
            JWSAlgorithm algorithm = JwtAlgorithms.ecAlgorithm(Curve.forECParameterSpec(ec.getParams()));
            try {
                return new NimbusTokenIssuer(new ECDSASigner(ec), algorithm, keyId, settings);
            }
            catch (JOSEException failure) {
                throw new IllegalArgumentException("the EC key cannot be used for " + algorithm, failure);
            }
        }
        throw new IllegalArgumentException("unsupported private key type "
                + (key == null ? "null" : key.getAlgorithm()) + "; use an RSA or EC key");
    }

    /**
     * @return the algorithm tokens are signed with
     */
    public JWSAlgorithm algorithm() {
        return header.getAlgorithm();
    }

    @Override
    public String createToken(String subject, Collection<String> scopes, Collection<String> roles) {
        return createToken(subject, scopes, roles, settings.lifetime());
    }

    @Override
    public String createToken(String subject, Collection<String> scopes, Collection<String> roles,
            @Nullable String tenant) {
        return createToken(subject, scopes, roles, tenant, settings.lifetime());
    }

    @Override
    public String createToken(String subject, Collection<String> scopes, Collection<String> roles, Duration lifetime) {
        return createToken(subject, scopes, roles, null, lifetime);
    }

    private String createToken(String subject, Collection<String> scopes, Collection<String> roles,
            @Nullable String tenant, Duration lifetime) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        // NumericDates are whole seconds: truncating keeps iat, nbf and exp consistent on the wire.
        Instant now = settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        if (settings.issuer() != null) {
            claims.issuer(settings.issuer());
        }
        if (!settings.audiences().isEmpty()) {
            claims.audience(settings.audiences());
        }
        if (scopes != null && !scopes.isEmpty()) {
            claims.claim("scope", String.join(" ", scopes));
        }
        if (roles != null && !roles.isEmpty()) {
            claims.claim(rolesPath.segments().get(0), nested(rolesPath.segments(), 1, List.copyOf(roles)));
        }
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        }
        catch (JOSEException failure) {
            throw new IllegalStateException("signing the token failed", failure);
        }
        return jwt.serialize();
    }

    // realm_access.roles is written as {"realm_access": {"roles": [...]}}.
    private static Object nested(List<String> segments, int from, Object value) {
        return from == segments.size() ? value : Map.of(segments.get(from), nested(segments, from + 1, value));
    }
}
