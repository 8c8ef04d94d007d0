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
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.jwt.ClaimMapping;
import io.policyauth.jwt.ClaimPath;
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

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Correct the configuration named above; the README lists every property "
            + "and what it takes.";

    static final String SECRET = "policy-auth.jwt.secret";
    static final String PUBLIC_KEY_LOCATION = "policy-auth.jwt.public-key-location";
    static final String PRIVATE_KEY_LOCATION = "policy-auth.jwt.private-key-location";
    static final String JWK_SET_URI = "policy-auth.jwt.jwk-set-uri";
    static final String ISSUER_URI = "policy-auth.jwt.issuer-uri";

    /** Largest PEM file read; far above any RSA or EC key or certificate chain. */
    private static final int MAX_PEM_BYTES = 64 * 1024;

    private final JwtProperties root;
    private final JwtIssuerProperties jwt;
    private final String prefix;
    private final Clock clock;

    /**
     * @param root {@code policy-auth.jwt}: what every issuer shares, and the top-level issuer
     * @param clock the application's clock
     */
    JwtKeyResolver(JwtProperties root, Clock clock) {
        this(root, root, "policy-auth.jwt", clock);
    }

    /**
     * @param root what every issuer shares
     * @param issuer the issuer's own keys and rules
     * @param prefix where the issuer is configured, for messages
     * @param clock the application's clock
     */
    JwtKeyResolver(JwtProperties root, JwtIssuerProperties issuer, String prefix, Clock clock) {
        this.root = root;
        this.jwt = issuer;
        this.prefix = prefix;
        this.clock = clock;
    }

    /**
     * @return the issuer its tokens must name: {@code issuer-uri}, else {@code issuer}, or {@code null}
     */
    @Nullable String issuerName() {
        return jwt.getIssuerUri() != null ? jwt.getIssuerUri().toString() : hasText(jwt.getIssuer()) ? jwt.getIssuer()
                : null;
    }

    /**
     * @return whether this issuer has a key source (secret, public key, JWK Set, issuer URI, or a
     *         private key whose public half verifies)
     */
    boolean hasKeySource() {
        return jwt.hasKeySource();
    }

    /**
     * @return whether this issuer verifies with an HMAC secret (whose tokens anyone holding the
     *         configuration can sign)
     */
    boolean verifiesWithSecret() {
        return hasText(jwt.getSecret());
    }

    /**
     * @return where this issuer is configured, for messages
     */
    String prefix() {
        return prefix;
    }

    private String property(String name) {
        return prefix + "." + name;
    }

    NimbusJwtAuthProvider provider(TokenDenylist denylist, BackgroundTasks tasks) {
        return provider(denylist, tasks, JwtSeams.NONE, null);
    }

    /**
     * @param denylist revoked token ids
     * @param tasks runs JWK Set refreshes
     * @param seams the application's claim checks and user mapping for this issuer
     * @param replacementKey verifies instead of the configured public key, JWK Set or issuer URI
     *        (a test key), or {@code null}
     * @return the provider
     */
    NimbusJwtAuthProvider provider(TokenDenylist denylist, BackgroundTasks tasks, JwtSeams seams,
            @Nullable PublicKey replacementKey) {
        if (!hasKeySource()) {
            throw new InvalidConfigurationPropertyValueException(prefix, null, "set one key source: secret, "
                    + "public-key-location, jwk-set-uri or issuer-uri");
        }
        requireOneVerificationSource();
        requireAudienceForPublicKeys();
        VerifiedTokenCacheSettings cache = verifiedTokenCache();
        JwtClaimRules rules = JwtClaimRules.of(jwt.getIssuer(), jwt.getAudiences(), jwt.getClockSkew(), null)
                .withMapping(claimMapping()).withRequiredType(jwt.getRequiredType()).withClock(clock)
                .withSeams(seams.validators(), seams.userMapper());
        Set<String> algorithms = Set.copyOf(jwt.getAlgorithms());
        try {
            if (hasText(jwt.getSecret())) {
                return NimbusJwtAuthProvider.withSecret(secret(), algorithms, rules, cache, denylist);
            }
            if (replacementKey != null) {
                String issuer = issuerName();
                return NimbusJwtAuthProvider.withPublicKey(replacementKey, algorithms,
                        issuer == null ? rules : rules.withIssuer(issuer), cache, denylist);
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
            throw new PolicyAuthConfigurationException("Invalid " + property("algorithms") + " or key: "
                    + invalid.getMessage(),
                    WHAT_TO_DO,
                    invalid);
        }
    }

    NimbusTokenIssuer issuer() {
        // Issued tokens carry their roles where this application reads them first.
        List<ClaimPath> roles = claimMapping().roles();
        TokenSettings settings = TokenSettings.of(jwt.getIssuer(), jwt.getAudiences(), root.getExpiration(),
                roles.isEmpty() ? null : roles.get(0).toString())
                .withType(jwt.getRequiredType()).withClock(clock);
        if (root.getPrivateKeyLocation() != null) {
            if (hasText(jwt.getSecret())) {
                // Tokens signed with the private key would not verify with the secret.
                throw new MutuallyExclusiveConfigurationPropertiesException(
                        List.of(property("secret"), property("private-key-location")),
                        List.of(property("secret"), property("private-key-location")));
            }
            // Each key file is read once: both checks below look at the same keys.
            PrivateKey key = privateKey();
            PublicKey configured = jwt.getPublicKeyLocation() != null ? configuredPublicKey() : null;
            requireVerifiable(signingAlgorithm(key), key, configured);
            if (configured != null) {
                requireKeyPair(key, configured);
            }
            return NimbusTokenIssuer.withPrivateKey(key, null, settings);
        }
        JWSAlgorithm algorithm = jwt.getAlgorithms().stream().map(name -> JWSAlgorithm.parse(name.trim()))
                .filter(JWSAlgorithm.Family.HMAC_SHA::contains).findFirst().orElse(JWSAlgorithm.HS256);
        try {
            return NimbusTokenIssuer.withSecret(secret(), algorithm, settings);
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException("Invalid " + property("algorithms") + ": "
                    + invalid.getMessage(),
                    WHAT_TO_DO, invalid);
        }
    }

    private void requireOneVerificationSource() {
        List<String> sources = new ArrayList<>();
        if (hasText(jwt.getSecret())) {
            sources.add(property("secret"));
        }
        if (jwt.getPublicKeyLocation() != null) {
            sources.add(property("public-key-location"));
        }
        if (jwt.getJwkSetUri() != null) {
            sources.add(property("jwk-set-uri"));
        }
        if (jwt.getIssuerUri() != null) {
            sources.add(property("issuer-uri"));
        }
        if (sources.size() > 1) {
            throw new MutuallyExclusiveConfigurationPropertiesException(sources,
                    List.of(property("secret"), property("public-key-location"), property("jwk-set-uri"),
                            property("issuer-uri")));
        }
        if (jwt.getIssuerUri() != null && hasText(jwt.getIssuer())
                && !jwt.getIssuer().equals(jwt.getIssuerUri().toString())) {
            throw new InvalidConfigurationPropertyValueException(property("issuer"), jwt.getIssuer(), "it differs from "
                    + property("issuer-uri") + " '" + jwt.getIssuerUri()
                    + "', which is the issuer tokens must name; leave it unset");
        }
    }

    /*
     * A public key (a JWK Set above all) usually signs tokens for many applications, ID tokens
     * included: without an audience, any of them would be accepted here (RFC 8725 section 3.9).
     */
    private void requireAudienceForPublicKeys() {
        if (!hasText(jwt.getSecret()) && jwt.getAudiences().isEmpty() && !jwt.isAcceptAnyAudience()) {
            throw new InvalidConfigurationPropertyValueException(property("audiences"), "[]",
                    "set it to the audience of this application's tokens: with public keys ("
                    + property("public-key-location") + ", " + property("private-key-location") + ", "
                    + property("jwk-set-uri") + " or " + property("issuer-uri")
                    + "), tokens meant for other applications would otherwise be accepted. Set "
                    + property("accept-any-audience") + "=true to accept any audience on purpose.");
        }
    }

    private ClaimMapping claimMapping() {
        try {
            return ClaimMapping.of(jwt.getSubjectClaim(), jwt.getScopesClaim(), jwt.getRolesClaim(),
                    jwt.getTenantClaim());
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidConfigurationPropertyValueException(property("*-claim"),
                    "subject " + jwt.getSubjectClaim() + ", scopes " + jwt.getScopesClaim() + ", roles "
                            + jwt.getRolesClaim() + ", tenant " + jwt.getTenantClaim(), invalid.getMessage());
        }
    }

    private byte[] secret() {
        byte[] secret = jwt.getSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < JwtAlgorithms.MIN_SECRET_BYTES) {
            // Not InvalidConfigurationPropertyValueException: Boot's analyzer would print the value.
            throw new PolicyAuthConfigurationException(property("secret") + " is too weak: it has " + secret.length
                    + " bytes, and at least " + JwtAlgorithms.MIN_SECRET_BYTES + " bytes (256 bits) are required; "
                    + "generate one with 'openssl rand -base64 48'. The value is not shown.", WHAT_TO_DO);
        }
        return secret;
    }

    /** The configured public key or, with only a private key, its derived public half. */
    private PublicKey verificationKey() {
        return jwt.getPublicKeyLocation() != null ? configuredPublicKey() : derivedPublicKey(privateKey());
    }

    private PublicKey configuredPublicKey() {
        try {
            return PemKeys.readPublicKey(read(jwt.getPublicKeyLocation(), property("public-key-location")));
        }
        catch (IllegalArgumentException unreadable) {
            throw new PolicyAuthConfigurationException(property("public-key-location") + " ("
                    + jwt.getPublicKeyLocation().getDescription()
                    + "): " + unreadable.getMessage(), WHAT_TO_DO, unreadable);
        }
    }

    private PublicKey derivedPublicKey(PrivateKey key) {
        return PemKeys.derivePublicKey(key).orElseThrow(() -> new IllegalStateException(
                property("private-key-location") + " holds a key whose public half cannot be derived; set "
                        + property("public-key-location") + " to the matching public key"));
    }

    private PrivateKey privateKey() {
        try {
            return PemKeys.readPrivateKey(read(root.getPrivateKeyLocation(), property("private-key-location")));
        }
        catch (IllegalArgumentException unreadable) {
            // PemKeys never quotes key material, so its message is safe here.
            throw new PolicyAuthConfigurationException(property("private-key-location") + " ("
                    + root.getPrivateKeyLocation().getDescription()
                    + "): " + unreadable.getMessage(), WHAT_TO_DO, unreadable);
        }
    }

    private VerifiedTokenCacheSettings verifiedTokenCache() {
        try {
            return new VerifiedTokenCacheSettings(root.getVerifiedTokenCacheSize(), root.getVerifiedTokenCacheTtl());
        }
        catch (IllegalArgumentException | NullPointerException invalid) {
            throw new PolicyAuthConfigurationException("Invalid policy-auth.jwt.verified-token-cache-size or "
                    + "verified-token-cache-ttl: " + invalid.getMessage(), WHAT_TO_DO, invalid);
        }
    }

    private JwkSetOptions jwkSetOptions() {
        JwtProperties.JwkSet set = root.getJwkSet();
        try {
            return new JwkSetOptions(set.getCacheTtl(), set.getRefreshAhead(), set.getMinRefetchInterval(),
                    set.getConnectTimeout(), set.getReadTimeout(), JwkSetOptions.DEFAULT_SIZE_LIMIT);
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException("Invalid policy-auth.jwt.jwk-set.*: " + invalid.getMessage(),
                    WHAT_TO_DO, invalid);
        }
    }

    private JWSAlgorithm signingAlgorithm(PrivateKey key) {
        if (key instanceof RSAPrivateKey) {
            return JWSAlgorithm.RS256;
        }
        if (key instanceof ECPrivateKey ec) {
            return JwtAlgorithms.ecAlgorithm(Curve.forECParameterSpec(ec.getParams()));
        }
        throw new PolicyAuthConfigurationException(property("private-key-location") + " must hold an RSA or EC key",
                WHAT_TO_DO);
    }

    /** Tokens the issuer signs must pass this application's own allowlist. */
    private void requireVerifiable(JWSAlgorithm signing, PrivateKey key, @Nullable PublicKey configured) {
        Set<JWSAlgorithm> allowed;
        if (jwt.getJwkSetUri() != null || jwt.getIssuerUri() != null) {
            allowed = JwtAlgorithms.forJwkSet(jwt.getAlgorithms());
        }
        else {
            allowed = JwtAlgorithms.forPublicKey(jwt.getAlgorithms(),
                    configured != null ? configured : derivedPublicKey(key));
        }
        if (!allowed.contains(signing)) {
            throw new PolicyAuthConfigurationException(property("private-key-location") + " signs with "
                    + signing + ", which "
                    + property("algorithms") + " " + allowed + " does not accept", WHAT_TO_DO);
        }
    }

    private void requireKeyPair(PrivateKey privateKey, PublicKey publicKey) {
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
        throw new PolicyAuthConfigurationException(property("private-key-location") + " and "
                + property("public-key-location")
                + " are not a key pair: tokens signed with one would not verify with the other", WHAT_TO_DO);
    }

    private static String read(Resource resource, String property) {
        try (InputStream in = resource.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_PEM_BYTES + 1);
            if (bytes.length > MAX_PEM_BYTES) {
                throw new PolicyAuthConfigurationException(property + " (" + resource.getDescription()
                        + ") is larger than "
                        + MAX_PEM_BYTES + " bytes; expected one PEM key", WHAT_TO_DO);
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        catch (IOException unreadable) {
            throw new PolicyAuthConfigurationException(property + " (" + resource.getDescription()
                    + ") cannot be read: "
                    + unreadable.getMessage(), WHAT_TO_DO, unreadable);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
