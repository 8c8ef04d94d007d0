package io.policyauth.test;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import io.policyauth.autoconfigure.jwt.JwtIssuerProperties;
import io.policyauth.autoconfigure.jwt.JwtProperties;
import io.policyauth.jwt.ClaimPath;
import io.policyauth.jwt.JwtClaimNames;

/**
 * Signs bearer tokens that the application's {@code private} policy verifies for real: with the
 * issuer's HMAC secret, or with the key pair that {@link TestKeyPairs} put in place of its public
 * key, JWK Set or issuer URI. Each token names the issuer and audiences the application requires,
 * carries the type it requires, and puts subject, scopes, roles and tenant where its claim mapping
 * reads them. A bean in every test context; for tests over a real server:
 *
 * <pre>{@code
 * String token = testTokens.bearerToken().scopes("orders:write").build();
 * }</pre>
 */
public final class TestTokens {

    private final JwtProperties properties;
    private final TestKeyPairs keys;
    private final Clock clock;

    /**
     * @param properties {@code policy-auth.jwt}
     * @param keys the key pairs that stand in for the issuers' public keys
     * @param clock the application's clock
     */
    public TestTokens(JwtProperties properties, TestKeyPairs keys, Clock clock) {
        this.properties = properties;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @return a builder of a token for the default issuer; {@link BearerTokenBuilder#build()} signs it
     */
    public BearerTokenBuilder bearerToken() {
        return new BearerTokenBuilder(this);
    }

    /**
     * @param request what to sign
     * @return the compact token
     * @throws IllegalStateException when no issuer is configured, or the one named is not
     */
    String sign(BearerTokenSpec.TokenRequest request) {
        String name = issuerName(request.issuerName());
        JwtIssuerProperties issuer = name == null ? properties : properties.getIssuers().get(name);
        JWTClaimsSet claims = claims(issuer, request);
        try {
            TestKeyPairs.SigningKey key = keys.signingKey(name).orElse(null);
            JWSSigner signer;
            JWSAlgorithm algorithm;
            if (key == null) {
                algorithm = issuer.getAlgorithms().stream().map(value -> JWSAlgorithm.parse(value.trim()))
                        .filter(JWSAlgorithm.Family.HMAC_SHA::contains).findFirst().orElse(JWSAlgorithm.HS256);
                signer = new MACSigner(issuer.getSecret().getBytes(StandardCharsets.UTF_8));
            }
            else {
                algorithm = key.algorithm();
                signer = JWSAlgorithm.Family.RSA.contains(algorithm) ? new RSASSASigner(key.pair().getPrivate())
                        : new ECDSASigner((ECPrivateKey) key.pair().getPrivate());
            }
            JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
            if (issuer.getRequiredType() != null && !issuer.getRequiredType().isBlank()) {
                header.type(new JOSEObjectType(issuer.getRequiredType()));
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        }
        catch (JOSEException failure) {
            throw new IllegalStateException("Cannot sign a test token for " + describe(name) + ": "
                    + failure.getMessage(), failure);
        }
    }

    private @Nullable String issuerName(@Nullable String requested) {
        Map<String, ? extends JwtIssuerProperties> named = properties.getIssuers();
        if (requested != null) {
            if (!named.containsKey(requested)) {
                throw new IllegalStateException("No issuer named '" + requested + "' under policy-auth.jwt.issuers; "
                        + "configured: " + named.keySet());
            }
            return requested;
        }
        if (properties.hasKeySource()) {
            return null;
        }
        if (named.size() == 1) {
            return named.keySet().iterator().next();
        }
        throw new IllegalStateException(named.isEmpty()
                ? "policy-auth.jwt has no key source in this context: configure secret, public-key-location, "
                        + "jwk-set-uri or issuer-uri to test the private policy"
                : "Several issuers are configured under policy-auth.jwt.issuers " + named.keySet()
                        + ": name one with issuer(name)");
    }

    private JWTClaimsSet claims(JwtIssuerProperties issuer, BearerTokenSpec.TokenRequest request) {
        Instant now = clock.instant();
        Instant expiry = now.plus(request.expiresIn());
        Instant issuedAt = request.expiresIn().isNegative() ? expiry.minus(Duration.ofMinutes(1)) : now;
        Map<String, Object> claims = new LinkedHashMap<>();
        String iss = issuer.getIssuerUri() != null ? issuer.getIssuerUri().toString() : issuer.getIssuer();
        if (iss != null && !iss.isBlank()) {
            claims.put("iss", iss);
        }
        if (!issuer.getAudiences().isEmpty()) {
            claims.put("aud", List.copyOf(issuer.getAudiences()));
        }
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", Date.from(issuedAt));
        claims.put("exp", Date.from(expiry));
        PolicyUser user = request.user();
        put(claims, first(issuer.getSubjectClaim(), "sub"), user.subject());
        if (!user.scopes().isEmpty()) {
            ClaimPath scopes = first(issuer.getScopesClaim(), JwtClaimNames.SCOPE);
            boolean spaceDelimited = scopes.isTopLevel() && JwtClaimNames.SCOPE.equals(scopes.toString());
            put(claims, scopes, spaceDelimited ? String.join(" ", user.scopes()) : user.scopes());
        }
        if (!user.roles().isEmpty()) {
            put(claims, first(issuer.getRolesClaim(), JwtClaimNames.ROLES), user.roles());
        }
        if (user.tenant() != null) {
            put(claims, first(issuer.getTenantClaim(), "tenant"), user.tenant());
        }
        if (!user.permissions().isEmpty()) {
            put(claims, first(issuer.getPermissionsClaim(), "permissions"), user.permissions());
        }
        claims.putAll(request.claims());
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static ClaimPath first(List<String> configured, String fallback) {
        return ClaimPath.parse(configured.isEmpty() ? fallback : configured.get(0));
    }

    /* Writes a value at a dotted path, creating the objects on the way (realm_access.roles). */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> claims, ClaimPath path, Object value) {
        Map<String, Object> current = claims;
        List<String> segments = path.segments();
        for (String segment : segments.subList(0, segments.size() - 1)) {
            Object next = current.get(segment);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(segment, next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(segments.get(segments.size() - 1), value instanceof List<?> list ? new ArrayList<>(list) : value);
    }

    private static String describe(@Nullable String name) {
        return name == null ? "policy-auth.jwt" : "policy-auth.jwt.issuers." + name;
    }

    /** A token to sign for a test over a real server. */
    public static final class BearerTokenBuilder extends BearerTokenSpec<BearerTokenBuilder> {

        private final TestTokens tokens;

        BearerTokenBuilder(TestTokens tokens) {
            this.tokens = tokens;
        }

        /**
         * @return the signed token, for an {@code Authorization: Bearer} header
         */
        public String build() {
            return tokens.sign(tokenRequest());
        }
    }
}
