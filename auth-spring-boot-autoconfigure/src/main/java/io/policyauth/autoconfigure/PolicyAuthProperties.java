package io.policyauth.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

import io.policyauth.apikey.ApiKeyLookupSettings;
import io.policyauth.core.Enforcement;
import io.policyauth.jwt.VerifiedTokenCacheSettings;
import io.policyauth.network.ForwardedHeader;
import io.policyauth.remote.RemotePolicySettings;

/**
 * Configuration of policy-auth under {@code policy-auth.*}. A built-in policy is registered only
 * when its backend is configured here.
 */
@ConfigurationProperties(PolicyAuthProperties.PREFIX)
public class PolicyAuthProperties {

    /** The configuration prefix. */
    public static final String PREFIX = "policy-auth";

    /**
     * Master switch. When false, nothing of policy-auth is configured and no endpoint is protected
     * by it.
     */
    private boolean enabled = true;

    /**
     * Policy of handlers that carry no @RequiresPolicy. Secure by default: "private" needs a valid
     * bearer token. The error endpoint stays reachable whatever this is.
     */
    private String defaultPolicy = "private";

    /**
     * Whether denials are enforced, or only recorded (metric outcome "would_deny", a log line)
     * while the request proceeds as the anonymous user. Named policies may set their own mode.
     */
    private Enforcement mode = Enforcement.ENFORCE;

    /** Named policies built from other policies, usable anywhere a built-in name is. */
    private Map<String, NamedPolicy> policies = new LinkedHashMap<>();

    /**
     * Policies for paths that cannot be annotated, matched in order (first match wins) with
     * Spring's PathPattern. An annotation on the handler takes precedence over a route; both over
     * the default policy.
     */
    private List<Route> routes = new ArrayList<>();

    private final Jwt jwt = new Jwt();

    private final ApiKey apiKey = new ApiKey();

    private final Internal internal = new Internal();

    private final Audit audit = new Audit();

    /**
     * Policies that ask a team's own HTTP authorizer, by policy name: each entry registers a
     * policy of that name.
     */
    private Map<String, Remote> remote = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getDefaultPolicy() {
        return defaultPolicy;
    }

    public void setDefaultPolicy(String defaultPolicy) {
        this.defaultPolicy = defaultPolicy;
    }

    public Enforcement getMode() {
        return mode;
    }

    public void setMode(Enforcement mode) {
        this.mode = mode;
    }

    public Map<String, NamedPolicy> getPolicies() {
        return policies;
    }

    public void setPolicies(Map<String, NamedPolicy> policies) {
        this.policies = policies;
    }

    public List<Route> getRoutes() {
        return routes;
    }

    public void setRoutes(List<Route> routes) {
        this.routes = routes;
    }

    public Jwt getJwt() {
        return jwt;
    }

    public ApiKey getApiKey() {
        return apiKey;
    }

    public Internal getInternal() {
        return internal;
    }

    public Audit getAudit() {
        return audit;
    }

    public Map<String, Remote> getRemote() {
        return remote;
    }

    public void setRemote(Map<String, Remote> remote) {
        this.remote = remote;
    }

    /** The "private" policy: bearer JWTs. Set one key source: secret, public-key-location or jwk-set-uri. */
    public static class Jwt {

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
        private Duration clockSkew = Duration.ofSeconds(60);

        /** Lifetime of tokens created by the TokenIssuer. */
        private Duration expiration = Duration.ofMinutes(60);

        /** Claim that holds the caller's roles (an array or a space separated string). */
        private String rolesClaim = "roles";

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

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
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

    /** The "shared_api_key" and "db_api_key" policies. */
    public static class ApiKey {

        /** Request header that carries the API key, for both key policies. */
        private String headerName = "X-API-KEY";

        /** Keys accepted by "shared_api_key"; list several to rotate. When empty, the policy is not registered. */
        private List<String> sharedKeys = new ArrayList<>();

        /** Prefix of issued per-client keys ("<prefix>_<secret><checksum>"): letters and digits. */
        private String prefix = "pak";

        /** MongoDB collection that holds per-client keys. */
        private String collection = "api_keys";

        /** How long a found key is served from the cache; 0 turns the cache off. */
        private Duration cacheTtl = Duration.ofSeconds(30);

        /** How long an unknown key is remembered as unknown. */
        private Duration negativeCacheTtl = Duration.ofSeconds(5);

        /** Most keys held in the cache. */
        private long cacheSize = 10_000;

        /** Time limit of one key lookup in MongoDB (server-side and client-side). */
        private Duration lookupTimeout = Duration.ofMillis(300);

        /**
         * Time limit of every other key-store operation, each bounding server selection, connection
         * and the server's work: issuing, revoking, rotating and listing keys, creating indexes and
         * writing last-used times. Applies to the key store only, not to the application's own
         * MongoDB use.
         */
        private Duration managementTimeout = Duration.ofSeconds(2);

        /**
         * Most distinct keys whose last use waits to be written. Uses beyond it are dropped and
         * counted in policyauth.apikey.last_used.dropped; requests are never delayed.
         */
        private int lastUsedBufferSize = 10_000;

        /** How often buffered last-used times are written to MongoDB, one write per key per interval. */
        private Duration lastUsedFlushInterval = Duration.ofSeconds(5);

        /**
         * Most key lookups waiting on MongoDB at once. A lookup beyond it gets 503 with
         * Retry-After without a query (counted in policyauth.apikey.lookups.rejected); cached keys
         * never wait for one.
         */
        private int maxConcurrentLookups = ApiKeyLookupSettings.DEFAULT_MAX_CONCURRENT_LOOKUPS;

        /**
         * How often keys revoked or rotated out by any instance are read from MongoDB and dropped
         * from this instance's cache: the longest another instance accepts a revoked key.
         */
        private Duration revocationRefreshInterval = Duration.ofSeconds(1);

        /** How long revocations may go unread before the cache is bypassed and every lookup asks MongoDB. */
        private Duration revocationMaxStaleness = Duration.ofSeconds(30);

        public int getMaxConcurrentLookups() {
            return maxConcurrentLookups;
        }

        public void setMaxConcurrentLookups(int maxConcurrentLookups) {
            this.maxConcurrentLookups = maxConcurrentLookups;
        }

        public Duration getRevocationRefreshInterval() {
            return revocationRefreshInterval;
        }

        public void setRevocationRefreshInterval(Duration revocationRefreshInterval) {
            this.revocationRefreshInterval = revocationRefreshInterval;
        }

        public Duration getRevocationMaxStaleness() {
            return revocationMaxStaleness;
        }

        public void setRevocationMaxStaleness(Duration revocationMaxStaleness) {
            this.revocationMaxStaleness = revocationMaxStaleness;
        }

        public String getHeaderName() {
            return headerName;
        }

        public void setHeaderName(String headerName) {
            this.headerName = headerName;
        }

        public List<String> getSharedKeys() {
            return sharedKeys;
        }

        public void setSharedKeys(List<String> sharedKeys) {
            this.sharedKeys = sharedKeys;
        }

        public String getPrefix() {
            return prefix;
        }

        public void setPrefix(String prefix) {
            this.prefix = prefix;
        }

        public String getCollection() {
            return collection;
        }

        public void setCollection(String collection) {
            this.collection = collection;
        }

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        public Duration getNegativeCacheTtl() {
            return negativeCacheTtl;
        }

        public void setNegativeCacheTtl(Duration negativeCacheTtl) {
            this.negativeCacheTtl = negativeCacheTtl;
        }

        public long getCacheSize() {
            return cacheSize;
        }

        public void setCacheSize(long cacheSize) {
            this.cacheSize = cacheSize;
        }

        public Duration getLookupTimeout() {
            return lookupTimeout;
        }

        public void setLookupTimeout(Duration lookupTimeout) {
            this.lookupTimeout = lookupTimeout;
        }

        public Duration getManagementTimeout() {
            return managementTimeout;
        }

        public void setManagementTimeout(Duration managementTimeout) {
            this.managementTimeout = managementTimeout;
        }

        public int getLastUsedBufferSize() {
            return lastUsedBufferSize;
        }

        public void setLastUsedBufferSize(int lastUsedBufferSize) {
            this.lastUsedBufferSize = lastUsedBufferSize;
        }

        public Duration getLastUsedFlushInterval() {
            return lastUsedFlushInterval;
        }

        public void setLastUsedFlushInterval(Duration lastUsedFlushInterval) {
            this.lastUsedFlushInterval = lastUsedFlushInterval;
        }
    }

    /** The "internal" policy: client addresses. */
    public static class Internal {

        /** CIDRs (IPv4 or IPv6, e.g. 10.0.0.0/8, ::1/128) whose clients pass. When empty, the policy is not registered. */
        private List<String> allowedCidrs = new ArrayList<>();

        /**
         * CIDRs of reverse proxies whose forwarded-header is believed. The client is the first
         * address, walking right to left, that is not a trusted proxy.
         */
        private List<String> trustedProxies = new ArrayList<>();

        /**
         * The header the trusted proxies write: x-forwarded-for (nginx, HAProxy, AWS ALB,
         * ingress-nginx) or forwarded (RFC 7239). Only this header is read; the other is ignored.
         */
        private ForwardedHeader forwardedHeader = ForwardedHeader.X_FORWARDED_FOR;

        public List<String> getAllowedCidrs() {
            return allowedCidrs;
        }

        public void setAllowedCidrs(List<String> allowedCidrs) {
            this.allowedCidrs = allowedCidrs;
        }

        public List<String> getTrustedProxies() {
            return trustedProxies;
        }

        public void setTrustedProxies(List<String> trustedProxies) {
            this.trustedProxies = trustedProxies;
        }

        public ForwardedHeader getForwardedHeader() {
            return forwardedHeader;
        }

        public void setForwardedHeader(ForwardedHeader forwardedHeader) {
            this.forwardedHeader = forwardedHeader;
        }
    }

    /** A policy defined in configuration from other policies. Set exactly one of any-of and all-of. */
    public static class NamedPolicy {

        /** Policies tried in order; the first that passes admits the request. */
        private List<String> anyOf = new ArrayList<>();

        /** Policies that must all pass; the caller is the first one that carries a subject. */
        private List<String> allOf = new ArrayList<>();

        /** Scopes the caller must all hold (granted scopes may use wildcards such as orders:*). */
        private List<String> scopes = new ArrayList<>();

        /** Roles the caller must all hold. */
        private List<String> roles = new ArrayList<>();

        /** Enforcement of this policy; when unset, policy-auth.mode. */
        private Enforcement mode;

        public List<String> getAnyOf() {
            return anyOf;
        }

        public void setAnyOf(List<String> anyOf) {
            this.anyOf = anyOf;
        }

        public List<String> getAllOf() {
            return allOf;
        }

        public void setAllOf(List<String> allOf) {
            this.allOf = allOf;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        public Enforcement getMode() {
            return mode;
        }

        public void setMode(Enforcement mode) {
            this.mode = mode;
        }
    }

    /** A route rule: the policy of requests whose path (and method) match. */
    public static class Route {

        /** Path pattern in PathPattern syntax, e.g. /admin/** or /files/{name}. */
        private String pattern;

        /** HTTP methods the rule applies to; when empty, all. */
        private List<String> methods = new ArrayList<>();

        /** Policy name; several names mean any of them. */
        private List<String> policy = new ArrayList<>();

        /** Scopes the caller must all hold. */
        private List<String> scopes = new ArrayList<>();

        /** Roles the caller must all hold. */
        private List<String> roles = new ArrayList<>();

        public String getPattern() {
            return pattern;
        }

        public void setPattern(String pattern) {
            this.pattern = pattern;
        }

        public List<String> getMethods() {
            return methods;
        }

        public void setMethods(List<String> methods) {
            this.methods = methods;
        }

        public List<String> getPolicy() {
            return policy;
        }

        public void setPolicy(List<String> policy) {
            this.policy = policy;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }

    /** The audit trail of decisions. */
    public static class Audit {

        /** Whether every decision is published as an AuthDecisionEvent application event. */
        private boolean enabled = true;

        /** Whether decisions are logged on logger "policy-auth.audit" (grants at DEBUG, denials at INFO). */
        private boolean log = true;

        /** Where decisions are also stored: "none", or "mongo" (needs Spring Data MongoDB and a connection). */
        private Store store = Store.NONE;

        /** MongoDB collection of stored decisions. */
        private String collection = "auth_audit";

        /** How long stored decisions are kept (a TTL index on their time). */
        private Duration retention = Duration.ofDays(30);

        /** Most decisions waiting to be stored; beyond it new ones are dropped and counted, never blocking a request. */
        private int queueSize = 10_000;

        /** Time limit of one batch write to the store. */
        private Duration writeTimeout = Duration.ofSeconds(2);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isLog() {
            return log;
        }

        public void setLog(boolean log) {
            this.log = log;
        }

        public Store getStore() {
            return store;
        }

        public void setStore(Store store) {
            this.store = store;
        }

        public String getCollection() {
            return collection;
        }

        public void setCollection(String collection) {
            this.collection = collection;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public int getQueueSize() {
            return queueSize;
        }

        public void setQueueSize(int queueSize) {
            this.queueSize = queueSize;
        }

        public Duration getWriteTimeout() {
            return writeTimeout;
        }

        public void setWriteTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
        }

        /** Where audit decisions are stored besides the log. */
        public enum Store {
            /** Nowhere but the log. */
            NONE,
            /** A MongoDB collection with a TTL index. */
            MONGO
        }
    }

    /**
     * A policy that delegates the decision to an HTTP authorizer: the request's credentials, method
     * and path are POSTed to the endpoint, which answers with the caller's roles or a denial.
     */
    public static class Remote {

        /** Authorizer URL (http or https) that receives the POST. Required. */
        private URI endpoint;

        /**
         * Request headers copied to the authorizer besides Authorization, which is always copied.
         * Headers not listed here are never sent.
         */
        private List<String> forwardHeaders = new ArrayList<>();

        /** Time limit of connecting to the authorizer and, separately, of receiving its answer; then 503. */
        private Duration timeout = Duration.ofMillis(500);

        /** How long an answer (grant, 401 or 403) is reused for the same credentials and request; 0 turns caching off. */
        private Duration cacheTtl = Duration.ZERO;

        /** Most answers held in the cache. */
        private int cacheSize = 10_000;

        /**
         * Whether the request body is sent to the authorizer as "body": byte for byte what the
         * handler reads, decoded with its declared charset (415 when that cannot be done).
         */
        private boolean includeBody;

        /** Largest request body sent to the authorizer; a larger body is refused (413) without asking. */
        private DataSize maxBodySize = DataSize.ofKilobytes(8);

        /** Whether the authorizer's "error" text is shown to the client; by default a generic sentence is. */
        private boolean exposeReason;

        /**
         * Most questions waiting on the authorizer at once; beyond it a request gets 503 with
         * Retry-After without asking, so a flood of made-up credentials cannot pile up on it.
         * Cached answers never wait.
         */
        private int maxConcurrentRequests = RemotePolicySettings.DEFAULT_MAX_CONCURRENT_REQUESTS;

        public int getMaxConcurrentRequests() {
            return maxConcurrentRequests;
        }

        public void setMaxConcurrentRequests(int maxConcurrentRequests) {
            this.maxConcurrentRequests = maxConcurrentRequests;
        }

        /** Scopes the caller must all hold after the authorizer grants (from its "scopes" answer). */
        private List<String> scopes = new ArrayList<>();

        /** Roles the caller must all hold after the authorizer grants. */
        private List<String> roles = new ArrayList<>();

        public URI getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(URI endpoint) {
            this.endpoint = endpoint;
        }

        public List<String> getForwardHeaders() {
            return forwardHeaders;
        }

        public void setForwardHeaders(List<String> forwardHeaders) {
            this.forwardHeaders = forwardHeaders;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        public int getCacheSize() {
            return cacheSize;
        }

        public void setCacheSize(int cacheSize) {
            this.cacheSize = cacheSize;
        }

        public boolean isIncludeBody() {
            return includeBody;
        }

        public void setIncludeBody(boolean includeBody) {
            this.includeBody = includeBody;
        }

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public boolean isExposeReason() {
            return exposeReason;
        }

        public void setExposeReason(boolean exposeReason) {
            this.exposeReason = exposeReason;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }
}
