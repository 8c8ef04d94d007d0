package io.policyauth.autoconfigure.jwt;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;

import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.jwt.ClaimMapping;
import io.policyauth.jwt.IntrospectionSettings;
import io.policyauth.jwt.JwkSetOptions;
import io.policyauth.jwt.JwtAlgorithms;
import io.policyauth.jwt.JwtClaimRules;
import io.policyauth.jwt.VerifiedTokenCacheSettings;

/**
 * One issuer's settings ({@code policy-auth.jwt} or an entry of {@code policy-auth.jwt.issuers}),
 * checked: each value the verifying provider and the token issuer take, read from the properties
 * and refused at start with the property named. A secret's value never appears in a message.
 */
final class JwtIssuerSettings {

    static final String ROOT = "policy-auth.jwt";
    static final String SECRET = ROOT + ".secret";
    static final String PUBLIC_KEY_LOCATION = ROOT + ".public-key-location";
    /** Only the top-level issuer has a private key: the one the token issuer signs with. */
    static final String PRIVATE_KEY_LOCATION = ROOT + ".private-key-location";
    static final String JWK_SET_URI = ROOT + ".jwk-set-uri";
    static final String ISSUER_URI = ROOT + ".issuer-uri";
    static final String INTROSPECTION_URI = ROOT + ".introspection.uri";

    private final JwtProperties root;
    private final JwtIssuerProperties jwt;
    private final String prefix;
    private final Clock clock;

    /**
     * @param root what every issuer shares, and the top-level issuer
     * @param issuer the issuer's own keys and rules: {@code root} itself, or an entry of its issuers
     * @param prefix where the issuer is configured, for messages
     * @param clock the application's clock
     */
    JwtIssuerSettings(JwtProperties root, JwtIssuerProperties issuer, String prefix, Clock clock) {
        this.root = root;
        this.jwt = issuer;
        this.prefix = prefix;
        this.clock = clock;
    }

    /**
     * @param root {@code policy-auth.jwt}
     * @param clock the application's clock
     * @return the top-level issuer's settings
     */
    static JwtIssuerSettings topLevel(JwtProperties root, Clock clock) {
        return new JwtIssuerSettings(root, root, ROOT, clock);
    }

    JwtIssuerProperties properties() {
        return jwt;
    }

    /** @return where this issuer is configured, for messages */
    String prefix() {
        return prefix;
    }

    String property(String name) {
        return prefix + "." + name;
    }

    /** @return the issuer its tokens must name: {@code issuer-uri}, else {@code issuer}, or {@code null} */
    @Nullable String issuerName() {
        return jwt.issuerName();
    }

    /**
     * @return whether this issuer has a key source (secret, public key, JWK Set, issuer URI, or a
     *         private key whose public half verifies)
     */
    boolean hasKeySource() {
        return jwt.hasKeySource();
    }

    /** @return whether a JWT key source is configured (or a private key whose public half verifies) */
    boolean hasJwtKeys() {
        return jwt.hasJwtKeys();
    }

    /** @return whether opaque tokens are introspected at this issuer */
    boolean introspects() {
        return jwt.getIntrospection().getUri() != null;
    }

    /** @return the checked introspection settings; the secret is never shown */
    IntrospectionSettings introspection() {
        JwtIssuerProperties.Introspection introspection = jwt.getIntrospection();
        if (!hasText(introspection.getClientId()) || !hasText(introspection.getClientSecret())) {
            throw new InvalidConfigurationPropertyValueException(property("introspection"), null, "set "
                    + property("introspection.client-id") + " and " + property("introspection.client-secret")
                    + ": the introspection endpoint authenticates this resource server (RFC 7662 section 2.1)");
        }
        try {
            return new IntrospectionSettings(introspection.getUri(), introspection.getClientId(),
                    introspection.getClientSecret(), introspection.getCacheTtl(), introspection.getConnectTimeout(),
                    introspection.getReadTimeout());
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidConfigurationPropertyValueException(property("introspection.uri"),
                    introspection.getUri(), invalid.getMessage());
        }
    }

    /** @return whether this issuer verifies with an HMAC secret */
    boolean verifiesWithSecret() {
        return hasText(jwt.getSecret());
    }

    /** @return whether this issuer is the top level, the only one with a private key */
    boolean isTopLevel() {
        return jwt == root;
    }

    /** @return whether a private key is configured (top level only): the token issuer signs with it */
    boolean hasPrivateKey() {
        return isTopLevel() && root.getPrivateKeyLocation() != null;
    }

    /**
     * At most one JWT key source (and one, or an introspection endpoint), and an {@code issuer} that
     * agrees with {@code issuer-uri}.
     */
    void requireOneKeySource() {
        if (!hasKeySource()) {
            throw new InvalidConfigurationPropertyValueException(prefix, null, "set one key source: secret, "
                    + "public-key-location, jwk-set-uri or issuer-uri; or introspection.uri for opaque tokens");
        }
        List<String> sources = new ArrayList<>();
        if (verifiesWithSecret()) {
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
    void requireAudienceForPublicKeys() {
        boolean sharedIssuer = !verifiesWithSecret() || introspects();
        if (sharedIssuer && jwt.getAudiences().isEmpty() && !jwt.isAcceptAnyAudience()) {
            String privateKey = isTopLevel() ? PRIVATE_KEY_LOCATION + ", " : "";
            throw new InvalidConfigurationPropertyValueException(property("audiences"), "[]",
                    "set it to the audience of this application's tokens: with public keys ("
                    + property("public-key-location") + ", " + privateKey + property("jwk-set-uri") + " or "
                    + property("issuer-uri") + ") or introspection (" + property("introspection.uri") + "), tokens "
                    + "meant for other applications would otherwise be accepted. "
                    + "Set " + property("accept-any-audience") + "=true to accept any audience on purpose.");
        }
    }

    /**
     * @param seams the application's claim checks and user mapping for this issuer
     * @return the claim rules: issuer, audiences, skew, type, mapping, clock and seams
     */
    JwtClaimRules claimRules(JwtSeams seams) {
        return JwtClaimRules.of(jwt.getIssuer(), jwt.getAudiences(), jwt.getClockSkew(), null)
                .withMapping(claimMapping()).withRequiredType(jwt.getRequiredType()).withClock(clock)
                .withSeams(seams.validators(), seams.userMapper());
    }

    ClaimMapping claimMapping() {
        try {
            return ClaimMapping.of(jwt.getSubjectClaim(), jwt.getScopesClaim(), jwt.getRolesClaim(),
                    jwt.getTenantClaim()).withPermissions(jwt.getPermissionsClaim());
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidConfigurationPropertyValueException(property("*-claim"),
                    "subject " + jwt.getSubjectClaim() + ", scopes " + jwt.getScopesClaim() + ", roles "
                            + jwt.getRolesClaim() + ", tenant " + jwt.getTenantClaim() + ", permissions "
                            + jwt.getPermissionsClaim(), invalid.getMessage());
        }
    }

    Set<String> algorithms() {
        return Set.copyOf(jwt.getAlgorithms());
    }

    Clock clock() {
        return clock;
    }

    /** @return the secret's bytes, at least {@link JwtAlgorithms#MIN_SECRET_BYTES} of them */
    byte[] secret() {
        byte[] secret = jwt.getSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < JwtAlgorithms.MIN_SECRET_BYTES) {
            // Not InvalidConfigurationPropertyValueException: Boot's analyzer would print the value.
            throw new PolicyAuthConfigurationException(property("secret") + " is too weak: it has " + secret.length
                    + " bytes, and at least " + JwtAlgorithms.MIN_SECRET_BYTES + " bytes (256 bits) are required; "
                    + "generate one with 'openssl rand -base64 48'. The value is not shown.", PemKeyFiles.WHAT_TO_DO);
        }
        return secret;
    }

    /** @return the configured public key, or null when none is */
    @Nullable PublicKey configuredPublicKey() {
        return jwt.getPublicKeyLocation() == null ? null
                : PemKeyFiles.publicKey(jwt.getPublicKeyLocation(), property("public-key-location"));
    }

    /** @return the configured private key; only the top level has one */
    PrivateKey privateKey() {
        return PemKeyFiles.privateKey(root.getPrivateKeyLocation(), PRIVATE_KEY_LOCATION);
    }

    /** @return the public key that verifies: the configured one, else the private key's public half */
    PublicKey verificationKey() {
        PublicKey configured = configuredPublicKey();
        return configured != null ? configured
                : PemKeyFiles.derivedPublicKey(privateKey(), PRIVATE_KEY_LOCATION, property("public-key-location"));
    }

    VerifiedTokenCacheSettings verifiedTokenCache() {
        try {
            return new VerifiedTokenCacheSettings(root.getVerifiedTokenCacheSize(), root.getVerifiedTokenCacheTtl());
        }
        catch (IllegalArgumentException | NullPointerException invalid) {
            throw new PolicyAuthConfigurationException("Invalid " + ROOT + ".verified-token-cache-size or "
                    + "verified-token-cache-ttl: " + invalid.getMessage(), PemKeyFiles.WHAT_TO_DO, invalid);
        }
    }

    JwkSetOptions jwkSetOptions() {
        JwtProperties.JwkSet set = root.getJwkSet();
        try {
            return new JwkSetOptions(set.getCacheTtl(), set.getRefreshAhead(), set.getMinRefetchInterval(),
                    set.getConnectTimeout(), set.getReadTimeout(), JwkSetOptions.DEFAULT_SIZE_LIMIT);
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException("Invalid " + ROOT + ".jwk-set.*: " + invalid.getMessage(),
                    PemKeyFiles.WHAT_TO_DO, invalid);
        }
    }

    static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
