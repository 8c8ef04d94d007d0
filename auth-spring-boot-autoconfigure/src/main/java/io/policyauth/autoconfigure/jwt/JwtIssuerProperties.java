package io.policyauth.autoconfigure.jwt;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

import io.policyauth.jwt.IntrospectionSettings;
import io.policyauth.jwt.JwtClaimNames;
import io.policyauth.jwt.JwtClaimRules;

/**
 * What one issuer's tokens are verified and mapped with: the keys of {@code policy-auth.jwt.*}
 * and of each {@code policy-auth.jwt.issuers.<name>.*}. Set one key source: secret,
 * public-key-location, jwk-set-uri or issuer-uri.
 */
public class JwtIssuerProperties {
    /**
     * HMAC secret (HS256/384/512) that verifies tokens and, with no private key, signs the
     * tokens of the TokenIssuer. At least 32 bytes (256 bits) in UTF-8; shorter fails at start.
     */
    private String secret;
    /** Location of an RSA or EC public key in PEM (X.509 SubjectPublicKeyInfo) that verifies tokens. */
    private Resource publicKeyLocation;
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
    /**
     * Where the caller's roles are: one or more claim paths, dots walking into nested objects
     * (realm_access.roles, resource_access.orders-api.roles for Keycloak), a segment in square
     * brackets taken as it is ([https://example.com/roles]). The values of all paths are joined;
     * each holds an array or a space separated string.
     */
    private List<String> rolesClaim = new ArrayList<>(List.of(JwtClaimNames.ROLES));
    /** Where the caller's scopes are, as claim paths; the values of all paths are joined. */
    private List<String> scopesClaim = new ArrayList<>(List.of(JwtClaimNames.SCOPE,
            JwtClaimNames.SCP));
    /** Where the caller's subject is, as claim paths; the first that holds a string wins. */
    private List<String> subjectClaim = new ArrayList<>(List.of("sub"));
    /** Where the caller's tenant is, as claim paths; the first that holds a string wins. */
    private List<String> tenantClaim = new ArrayList<>(List.of("tenant"));
    /**
     * Where the caller's permissions are (Auth0's RBAC puts them in permissions), as claim paths;
     * the values of all paths are joined. Under tenancy, those of the caller's roles are added.
     */
    private List<String> permissionsClaim = new ArrayList<>(List.of("permissions"));


    /** Introspection of opaque tokens (RFC 7662) at this issuer. */
    private final Introspection introspection = new Introspection();

    /**
     * @return whether tokens can be checked: with a JWT key source, or by introspection
     */
    public boolean hasKeySource() {
        return hasJwtKeys() || introspection.getUri() != null;
    }

    /**
     * @return whether a JWT key source is configured: secret, public key, JWK Set or issuer URI
     */
    public boolean hasJwtKeys() {
        return (secret != null && !secret.isBlank()) || publicKeyLocation != null || jwkSetUri != null
                || issuerUri != null;
    }

    public Introspection getIntrospection() {
        return introspection;
    }

    public String getSecret() {
        return secret;
    }
    public void setSecret(String secret) {
        this.secret = secret;
    }
    public Resource getPublicKeyLocation() {
        return publicKeyLocation;
    }
    public void setPublicKeyLocation(Resource publicKeyLocation) {
        this.publicKeyLocation = publicKeyLocation;
    }
    public URI getJwkSetUri() {
        return jwkSetUri;
    }
    public void setJwkSetUri(URI jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }
    public URI getIssuerUri() {
        return issuerUri;
    }
    public void setIssuerUri(URI issuerUri) {
        this.issuerUri = issuerUri;
    }
    public String getIssuer() {
        return issuer;
    }
    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    /**
     * @return the issuer its tokens must name: {@code issuer-uri}, else {@code issuer}, or {@code null}
     */
    public @Nullable String issuerName() {
        return issuerUri != null ? issuerUri.toString() : issuer != null && !issuer.isBlank() ? issuer : null;
    }
    public List<String> getAudiences() {
        return audiences;
    }
    public void setAudiences(List<String> audiences) {
        this.audiences = audiences;
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

    public List<String> getPermissionsClaim() {
        return permissionsClaim;
    }

    public void setPermissionsClaim(List<String> permissionsClaim) {
        this.permissionsClaim = permissionsClaim;
    }

    /** Introspection of opaque tokens (RFC 7662): tokens that are not JWTs are asked about at the issuer. */
    public static class Introspection {

        /**
         * The issuer's introspection endpoint. Tokens that are not JWTs (every token, without a JWT key
         * source) are sent there; "active" false is a 401, the endpoint down or slow a 503.
         */
        private URI uri;

        /** This resource server's client id at the issuer, sent with the secret as HTTP Basic. */
        private String clientId;

        /** This resource server's client secret at the issuer. */
        private String clientSecret;

        /** The longest an answer is reused, never past the token's "exp"; 0 asks on every request. */
        private Duration cacheTtl = IntrospectionSettings.DEFAULT_CACHE_TTL;

        /** Connect timeout of an introspection request. */
        private Duration connectTimeout = Duration.ofMillis(500);

        /** Read timeout of an introspection request. */
        private Duration readTimeout = Duration.ofSeconds(2);

        public URI getUri() {
            return uri;
        }

        public void setUri(URI uri) {
            this.uri = uri;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
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
