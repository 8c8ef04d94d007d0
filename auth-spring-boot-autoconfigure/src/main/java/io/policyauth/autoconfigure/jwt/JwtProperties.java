package io.policyauth.autoconfigure.jwt;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.jwt.JwtClaimRules;
import io.policyauth.jwt.TokenSettings;
import io.policyauth.jwt.VerifiedTokenCacheSettings;

/** The "private" policy under {@code policy-auth.jwt}: bearer JWTs. Set one key source: secret, public-key-location or jwk-set-uri. */
@ConfigurationProperties("policy-auth.jwt")
public class JwtProperties {

    /**
     * HMAC secret (HS256/384/512) that verifies tokens and, with no private key, signs the
     * tokens of the TokenIssuer. At least 32 bytes (256 bits) in UTF-8; shorter fails at start.
     */
    private String secret;

    /** Location of an RSA or EC public key in PEM (X.509 SubjectPublicKeyInfo) that verifies tokens. */
    private Resource publicKeyLocation;

    /** Location of an RSA or EC private key in PEM (PKCS#8) that the TokenIssuer signs with. */
    private Resource privateKeyLocation;

    /** JWK Set URI to fetch verification keys from; fetched once, cached and refreshed ahead of expiry. */
    private URI jwkSetUri;

    /**
     * Issuer whose metadata names the JWK Set: {issuer-uri}/.well-known/openid-configuration, else
     * RFC 8414's /.well-known/oauth-authorization-server. Fetched on the first token, never at
     * start; the metadata's issuer must equal this exactly, and it is the required "iss".
     */
    private URI issuerUri;

    /** Required "iss" claim. When unset, the issuer is not checked. */
    private String issuer;

    /**
     * Accepted audiences: a token passes when its "aud" contains one of them. Required with
     * public keys (a key pair, a JWK Set), whose tokens may be meant for other applications,
     * unless accept-any-audience is set.
     */
    private List<String> audiences = new ArrayList<>();

    /**
     * Accept tokens for any audience with public keys, on purpose (RFC 8725 section 3.9
     * advises against it). Without it, public keys and no audiences stop the start.
     */
    private boolean acceptAnyAudience;

    /**
     * Required "typ" header, for example at+jwt (RFC 9068), matched with or without the
     * "application/" prefix, in any case. When unset, "typ" is not checked. Tokens created by
     * the TokenIssuer carry it.
     */
    private String requiredType;

    /**
     * Allowed signature algorithms ("alg"). When empty, derived from the key: HS256 for a
     * secret, RS256 for an RSA key, ES256/ES384/ES512 for an EC key by curve, RS256 and ES256
     * for a JWK Set. An algorithm the key cannot verify fails at start.
     */
    private List<String> algorithms = new ArrayList<>();

    /** Tolerance for "exp" and "nbf" against this server's clock. */
    private Duration clockSkew = JwtClaimRules.DEFAULT_CLOCK_SKEW;

    /** Lifetime of tokens created by the TokenIssuer. */
    private Duration expiration = TokenSettings.DEFAULT_LIFETIME;

    /**
     * Where the caller's roles are: one or more claim paths, dots walking into nested objects
     * (realm_access.roles, resource_access.orders-api.roles for Keycloak), a segment in square
     * brackets taken as it is ([https://example.com/roles]). The values of all paths are joined;
     * each holds an array or a space separated string.
     */
    private List<String> rolesClaim = new ArrayList<>(List.of(AuthenticatedUser.DEFAULT_ROLES_CLAIM));

    /** Where the caller's scopes are, as claim paths; the values of all paths are joined. */
    private List<String> scopesClaim = new ArrayList<>(List.of(AuthenticatedUser.SCOPE_CLAIM,
            AuthenticatedUser.SCP_CLAIM));

    /** Where the caller's subject is, as claim paths; the first that holds a string wins. */
    private List<String> subjectClaim = new ArrayList<>(List.of("sub"));

    /** Where the caller's tenant is, as claim paths; the first that holds a string wins. */
    private List<String> tenantClaim = new ArrayList<>(List.of("tenant"));

    /**
     * Most verified tokens remembered, so a token seen again skips the signature check, the
     * claims parse and the user mapping ("exp" and the token denylist are still checked on
     * every request). 0 turns the cache off.
     */
    private int verifiedTokenCacheSize = VerifiedTokenCacheSettings.DEFAULT_MAXIMUM_SIZE;

    /**
     * Longest time a verified token is served from the cache, and so how long a cached token
     * outlives the removal of its key from the JWK Set. Never past the token's "exp". 0 turns
     * the cache off.
     */
    private Duration verifiedTokenCacheTtl = VerifiedTokenCacheSettings.DEFAULT_MAXIMUM_TTL;

    private final Denylist denylist = new Denylist();

    private final JwkSet jwkSet = new JwkSet();

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public boolean isAcceptAnyAudience() {
        return acceptAnyAudience;
    }

    public void setAcceptAnyAudience(boolean acceptAnyAudience) {
        this.acceptAnyAudience = acceptAnyAudience;
    }

    public String getRequiredType() {
        return requiredType;
    }

    public void setRequiredType(String requiredType) {
        this.requiredType = requiredType;
    }

    public Resource getPublicKeyLocation() {
        return publicKeyLocation;
    }

    public void setPublicKeyLocation(Resource publicKeyLocation) {
        this.publicKeyLocation = publicKeyLocation;
    }

    public Resource getPrivateKeyLocation() {
        return privateKeyLocation;
    }

    public void setPrivateKeyLocation(Resource privateKeyLocation) {
        this.privateKeyLocation = privateKeyLocation;
    }

    public URI getIssuerUri() {
        return issuerUri;
    }

    public void setIssuerUri(URI issuerUri) {
        this.issuerUri = issuerUri;
    }

    public URI getJwkSetUri() {
        return jwkSetUri;
    }

    public void setJwkSetUri(URI jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public List<String> getAudiences() {
        return audiences;
    }

    public void setAudiences(List<String> audiences) {
        this.audiences = audiences;
    }

    public List<String> getAlgorithms() {
        return algorithms;
    }

    public void setAlgorithms(List<String> algorithms) {
        this.algorithms = algorithms;
    }

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    public Duration getExpiration() {
        return expiration;
    }

    public void setExpiration(Duration expiration) {
        this.expiration = expiration;
    }

    public List<String> getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(List<String> rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    public List<String> getScopesClaim() {
        return scopesClaim;
    }

    public void setScopesClaim(List<String> scopesClaim) {
        this.scopesClaim = scopesClaim;
    }

    public List<String> getSubjectClaim() {
        return subjectClaim;
    }

    public void setSubjectClaim(List<String> subjectClaim) {
        this.subjectClaim = subjectClaim;
    }

    public List<String> getTenantClaim() {
        return tenantClaim;
    }

    public void setTenantClaim(List<String> tenantClaim) {
        this.tenantClaim = tenantClaim;
    }

    public int getVerifiedTokenCacheSize() {
        return verifiedTokenCacheSize;
    }

    public void setVerifiedTokenCacheSize(int verifiedTokenCacheSize) {
        this.verifiedTokenCacheSize = verifiedTokenCacheSize;
    }

    public Duration getVerifiedTokenCacheTtl() {
        return verifiedTokenCacheTtl;
    }

    public void setVerifiedTokenCacheTtl(Duration verifiedTokenCacheTtl) {
        this.verifiedTokenCacheTtl = verifiedTokenCacheTtl;
    }

    public Denylist getDenylist() {
        return denylist;
    }

    public JwkSet getJwkSet() {
        return jwkSet;
    }

    /** Revoked token ids ("jti") that the "private" policy refuses. */
    public static class Denylist {

        /** Where revocations are kept: "memory" (this instance) or "mongo" (shared by every instance). */
        private DenylistStore store = DenylistStore.MEMORY;

        /** MongoDB collection of revoked token ids. */
        private String collection = "revoked_tokens";

        /** How often each instance refreshes its copy of the shared list; the bound on propagation. */
        private Duration refreshInterval = Duration.ofSeconds(1);

        /** How old the copy may grow (MongoDB unreachable) before token requests get 503. */
        private Duration maxStaleness = Duration.ofSeconds(30);

        /** Time limit of one MongoDB operation of the denylist. */
        private Duration timeout = Duration.ofSeconds(2);

        public DenylistStore getStore() {
            return store;
        }

        public void setStore(DenylistStore store) {
            this.store = store;
        }

        public String getCollection() {
            return collection;
        }

        public void setCollection(String collection) {
            this.collection = collection;
        }

        public Duration getRefreshInterval() {
            return refreshInterval;
        }

        public void setRefreshInterval(Duration refreshInterval) {
            this.refreshInterval = refreshInterval;
        }

        public Duration getMaxStaleness() {
            return maxStaleness;
        }

        public void setMaxStaleness(Duration maxStaleness) {
            this.maxStaleness = maxStaleness;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /** Where revocations are kept. */
        public enum DenylistStore {
            /** This instance's memory. */
            MEMORY,
            /** MongoDB, shared by every instance. */
            MONGO
        }
    }

    /** Fetching and caching of the JWK Set named by jwk-set-uri. */
    public static class JwkSet {

        /** How long a fetched JWK Set is used before it must be fetched again. */
        private Duration cacheTtl = Duration.ofMinutes(5);

        /** How long before the cache expires it is refreshed in the background, off the request path. */
        private Duration refreshAhead = Duration.ofSeconds(30);

        /** Shortest interval between two fetches, e.g. when tokens carry an unknown "kid". */
        private Duration minRefetchInterval = Duration.ofSeconds(30);

        /** Connect timeout of a JWK Set fetch. */
        private Duration connectTimeout = Duration.ofMillis(500);

        /** Read timeout of a JWK Set fetch. */
        private Duration readTimeout = Duration.ofSeconds(1);

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        public Duration getRefreshAhead() {
            return refreshAhead;
        }

        public void setRefreshAhead(Duration refreshAhead) {
            this.refreshAhead = refreshAhead;
        }

        public Duration getMinRefetchInterval() {
            return minRefetchInterval;
        }

        public void setMinRefetchInterval(Duration minRefetchInterval) {
            this.minRefetchInterval = minRefetchInterval;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }
    }
}
