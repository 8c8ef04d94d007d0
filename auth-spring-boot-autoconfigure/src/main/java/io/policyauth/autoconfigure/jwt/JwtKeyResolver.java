package io.policyauth.autoconfigure.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.core.io.Resource;

import io.policyauth.core.BackgroundTasks;
import io.policyauth.jwt.ClaimMapping;
import io.policyauth.jwt.JwkSetOptions;
import io.policyauth.jwt.JwtAlgorithms;
import io.policyauth.jwt.JwtClaimRules;
import io.policyauth.jwt.NimbusJwtAuthProvider;
import io.policyauth.jwt.NimbusTokenIssuer;
import io.policyauth.jwt.PemKeys;
import io.policyauth.jwt.TokenDenylist;
import io.policyauth.jwt.TokenSettings;
import io.policyauth.jwt.VerifiedTokenCacheSettings;

/**
 * Turns {@code policy-auth.jwt.*} into a provider and an issuer, failing at start with messages
 * that name the property to fix. The secret's value never appears in a message.
 */
final class JwtKeyResolver {

    static final String SECRET = "policy-auth.jwt.secret";
    static final String PUBLIC_KEY_LOCATION = "policy-auth.jwt.public-key-location";
    static final String PRIVATE_KEY_LOCATION = "policy-auth.jwt.private-key-location";
    static final String JWK_SET_URI = "policy-auth.jwt.jwk-set-uri";
    static final String ISSUER_URI = "policy-auth.jwt.issuer-uri";
    static final String ISSUER = "policy-auth.jwt.issuer";
    static final String ALGORITHMS = "policy-auth.jwt.algorithms";
    static final String AUDIENCES = "policy-auth.jwt.audiences";
    static final String ACCEPT_ANY_AUDIENCE = "policy-auth.jwt.accept-any-audience";

    /** Largest PEM file read; far above any RSA or EC key or certificate chain. */
    private static final int MAX_PEM_BYTES = 64 * 1024;

    private final JwtProperties jwt;
    private final Clock clock;

    JwtKeyResolver(JwtProperties jwt, Clock clock) {
        this.jwt = jwt;
        this.clock = clock;
    }

    NimbusJwtAuthProvider provider(TokenDenylist denylist, BackgroundTasks tasks) {
        requireOneVerificationSource();
        requireAudienceForPublicKeys();
        VerifiedTokenCacheSettings cache = verifiedTokenCache();
        JwtClaimRules rules = JwtClaimRules.of(jwt.getIssuer(), jwt.getAudiences(), jwt.getClockSkew(), null)
                .withMapping(claimMapping()).withRequiredType(jwt.getRequiredType()).withClock(clock);
        Set<String> algorithms = Set.copyOf(jwt.getAlgorithms());
        try {
            if (hasText(jwt.getSecret())) {
                return NimbusJwtAuthProvider.withSecret(secret(), algorithms, rules, cache, denylist);
            }
            if (jwt.getIssuerUri() != null) {
                return NimbusJwtAuthProvider.withIssuerUri(jwt.getIssuerUri(), jwkSetOptions(), algorithms, rules,
                        cache, denylist, tasks);
            }
            if (jwt.getJwkSetUri() != null) {
                return NimbusJwtAuthProvider.withJwkSetUri(jwt.getJwkSetUri(), jwkSetOptions(), algorithms, rules,
                        cache, denylist, tasks);
            }
            return NimbusJwtAuthProvider.withPublicKey(verificationKey(), algorithms, rules, cache, denylist);
        }
        catch (IllegalArgumentException invalid) {
            throw new IllegalStateException("Invalid " + ALGORITHMS + " or key: " + invalid.getMessage(), invalid);
        }
    }

    NimbusTokenIssuer issuer() {
        // Issued tokens carry their roles where this application reads them first.
        TokenSettings settings = TokenSettings.of(jwt.getIssuer(), jwt.getAudiences(), jwt.getExpiration(),
                claimMapping().roles().isEmpty() ? null : claimMapping().roles().get(0).toString())
                .withType(jwt.getRequiredType()).withClock(clock);
        if (jwt.getPrivateKeyLocation() != null) {
            if (hasText(jwt.getSecret())) {
                // Tokens signed with the private key would not verify with the secret.
                throw new MutuallyExclusiveConfigurationPropertiesException(List.of(SECRET, PRIVATE_KEY_LOCATION),
                        List.of(SECRET, PRIVATE_KEY_LOCATION));
            }
            PrivateKey key = privateKey();
            requireVerifiable(signingAlgorithm(key));
            if (jwt.getPublicKeyLocation() != null) {
                requireKeyPair(key, verificationKey());
            }
            return NimbusTokenIssuer.withPrivateKey(key, null, settings);
        }
        JWSAlgorithm algorithm = jwt.getAlgorithms().stream().map(name -> JWSAlgorithm.parse(name.trim()))
                .filter(JWSAlgorithm.Family.HMAC_SHA::contains).findFirst().orElse(JWSAlgorithm.HS256);
        try {
            return NimbusTokenIssuer.withSecret(secret(), algorithm, settings);
        }
        catch (IllegalArgumentException invalid) {
            throw new IllegalStateException("Invalid " + ALGORITHMS + ": " + invalid.getMessage(), invalid);
        }
    }

    private void requireOneVerificationSource() {
        List<String> sources = new ArrayList<>();
        if (hasText(jwt.getSecret())) {
            sources.add(SECRET);
        }
        if (jwt.getPublicKeyLocation() != null) {
            sources.add(PUBLIC_KEY_LOCATION);
        }
        if (jwt.getJwkSetUri() != null) {
            sources.add(JWK_SET_URI);
        }
        if (jwt.getIssuerUri() != null) {
            sources.add(ISSUER_URI);
        }
        if (sources.size() > 1) {
            throw new MutuallyExclusiveConfigurationPropertiesException(sources,
                    List.of(SECRET, PUBLIC_KEY_LOCATION, JWK_SET_URI, ISSUER_URI));
        }
        if (jwt.getIssuerUri() != null && hasText(jwt.getIssuer()) && !jwt.getIssuer().equals(jwt.getIssuerUri().toString())) {
            throw new InvalidConfigurationPropertyValueException(ISSUER, jwt.getIssuer(), "it differs from "
                    + ISSUER_URI + " '" + jwt.getIssuerUri() + "', which is the issuer tokens must name; leave it unset");
        }
    }

    /*
     * A public key (a JWK Set above all) usually signs tokens for many applications, ID tokens
     * included: without an audience, any of them would be accepted here (RFC 8725 section 3.9).
     */
    private void requireAudienceForPublicKeys() {
        if (!hasText(jwt.getSecret()) && jwt.getAudiences().isEmpty() && !jwt.isAcceptAnyAudience()) {
            throw new InvalidConfigurationPropertyValueException(AUDIENCES, "[]", "set it to the audience of this "
                    + "application's tokens: with public keys (" + PUBLIC_KEY_LOCATION + ", " + PRIVATE_KEY_LOCATION
                    + ", " + JWK_SET_URI + " or " + ISSUER_URI + "), tokens meant for other applications would "
                    + "otherwise be accepted. Set "
                    + ACCEPT_ANY_AUDIENCE + "=true to accept any audience on purpose.");
        }
    }

    private ClaimMapping claimMapping() {
        try {
            return ClaimMapping.of(jwt.getSubjectClaim(), jwt.getScopesClaim(), jwt.getRolesClaim(),
                    jwt.getTenantClaim());
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidConfigurationPropertyValueException("policy-auth.jwt.*-claim",
                    "subject " + jwt.getSubjectClaim() + ", scopes " + jwt.getScopesClaim() + ", roles "
                            + jwt.getRolesClaim() + ", tenant " + jwt.getTenantClaim(), invalid.getMessage());
        }
    }

    private byte[] secret() {
        byte[] secret = jwt.getSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < JwtAlgorithms.MIN_SECRET_BYTES) {
            // The value is never shown: only its length.
            throw new InvalidConfigurationPropertyValueException(SECRET, "(hidden, " + secret.length + " bytes)",
                    "it is too weak: at least " + JwtAlgorithms.MIN_SECRET_BYTES + " bytes (256 bits) are required; "
                    + "generate one with 'openssl rand -base64 48'");
        }
        return secret;
    }

    /** The configured public key or, with only a private key, its derived public half. */
    private PublicKey verificationKey() {
        if (jwt.getPublicKeyLocation() != null) {
            try {
                return PemKeys.readPublicKey(read(jwt.getPublicKeyLocation(), PUBLIC_KEY_LOCATION));
            }
            catch (IllegalArgumentException unreadable) {
                throw new IllegalStateException(PUBLIC_KEY_LOCATION + " (" + jwt.getPublicKeyLocation().getDescription()
                        + "): " + unreadable.getMessage(), unreadable);
            }
        }
        return PemKeys.derivePublicKey(privateKey()).orElseThrow(() -> new IllegalStateException(
                PRIVATE_KEY_LOCATION + " holds a key whose public half cannot be derived; set "
                        + PUBLIC_KEY_LOCATION + " to the matching public key"));
    }

    private PrivateKey privateKey() {
        try {
            return PemKeys.readPrivateKey(read(jwt.getPrivateKeyLocation(), PRIVATE_KEY_LOCATION));
        }
        catch (IllegalArgumentException unreadable) {
            // PemKeys never quotes key material, so its message is safe here.
            throw new IllegalStateException(PRIVATE_KEY_LOCATION + " (" + jwt.getPrivateKeyLocation().getDescription()
                    + "): " + unreadable.getMessage(), unreadable);
        }
    }

    private VerifiedTokenCacheSettings verifiedTokenCache() {
        try {
            return new VerifiedTokenCacheSettings(jwt.getVerifiedTokenCacheSize(), jwt.getVerifiedTokenCacheTtl());
        }
        catch (IllegalArgumentException | NullPointerException invalid) {
            throw new IllegalStateException("Invalid policy-auth.jwt.verified-token-cache-size or "
                    + "verified-token-cache-ttl: " + invalid.getMessage(), invalid);
        }
    }

    private JwkSetOptions jwkSetOptions() {
        JwtProperties.JwkSet set = jwt.getJwkSet();
        try {
            return new JwkSetOptions(set.getCacheTtl(), set.getRefreshAhead(), set.getMinRefetchInterval(),
                    set.getConnectTimeout(), set.getReadTimeout(), JwkSetOptions.DEFAULT_SIZE_LIMIT);
        }
        catch (IllegalArgumentException invalid) {
            throw new IllegalStateException("Invalid policy-auth.jwt.jwk-set.*: " + invalid.getMessage(), invalid);
        }
    }

    private static JWSAlgorithm signingAlgorithm(PrivateKey key) {
        if (key instanceof RSAPrivateKey) {
            return JWSAlgorithm.RS256;
        }
        if (key instanceof ECPrivateKey ec) {
            return JwtAlgorithms.ecAlgorithm(Curve.forECParameterSpec(ec.getParams()));
        }
        throw new IllegalStateException(PRIVATE_KEY_LOCATION + " must hold an RSA or EC key");
    }

    /** Tokens the issuer signs must pass this application's own allowlist. */
    private void requireVerifiable(JWSAlgorithm signing) {
        Set<JWSAlgorithm> allowed;
        if (jwt.getJwkSetUri() != null || jwt.getIssuerUri() != null) {
            allowed = JwtAlgorithms.forJwkSet(jwt.getAlgorithms());
        }
        else {
            allowed = JwtAlgorithms.forPublicKey(jwt.getAlgorithms(), verificationKey());
        }
        if (!allowed.contains(signing)) {
            throw new IllegalStateException(PRIVATE_KEY_LOCATION + " signs with " + signing + ", which "
                    + ALGORITHMS + " " + allowed + " does not accept");
        }
    }

    private static void requireKeyPair(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = privateKey instanceof RSAPrivateKey ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] probe = "policy-auth key pair check".getBytes(StandardCharsets.UTF_8);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        }
        catch (GeneralSecurityException mismatch) {
            // Different key types: reported below.
        }
        throw new IllegalStateException(PRIVATE_KEY_LOCATION + " and " + PUBLIC_KEY_LOCATION
                + " are not a key pair: tokens signed with one would not verify with the other");
    }

    private static String read(Resource resource, String property) {
        try (InputStream in = resource.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_PEM_BYTES + 1);
            if (bytes.length > MAX_PEM_BYTES) {
                throw new IllegalStateException(property + " (" + resource.getDescription() + ") is larger than "
                        + MAX_PEM_BYTES + " bytes; expected one PEM key");
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        catch (IOException unreadable) {
            throw new IllegalStateException(property + " (" + resource.getDescription() + ") cannot be read: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
