package io.policyauth.autoconfigure.jwt;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import io.policyauth.jwt.CertificateBinding;
import io.policyauth.jwt.VerifiedTokenCacheSettings;
import io.policyauth.jwt.dpop.DpopMode;
import io.policyauth.jwt.dpop.DpopProofRules;

/**
 * The "private" policy under {@code policy-auth.jwt}: bearer JWTs of the issuer configured here,
 * and of each of {@code issuers}; plus what all issuers share (the verified-token cache, the
 * denylist, JWK Set fetching) and the private key a token issuer signs with (whose public half
 * also verifies). The token lifetime is {@link TokenIssuerProperties}'.
 */
@ConfigurationProperties("policy-auth.jwt")
public class JwtProperties extends JwtIssuerProperties {

    /**
     * More issuers whose tokens "private" admits, by name; each also registers the policy
     * "private:<name>", which admits only that issuer's tokens. Each must name its issuer
     * (issuer or issuer-uri): the token's "iss" chooses it before any key is used.
     */
    private Map<String, Issuer> issuers = new LinkedHashMap<>();

    /** Location of an RSA or EC private key in PEM (PKCS#8) that the TokenIssuer signs with. */
    private Resource privateKeyLocation;

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

    /** Certificate-bound access tokens (RFC 8705). */
    private final Mtls mtls = new Mtls();

    /** DPoP (RFC 9449): the top-level issuer's mode, and how proofs of every issuer are checked. */
    private final DpopProofs dpop = new DpopProofs();

    public Resource getPrivateKeyLocation() {
        return privateKeyLocation;
    }

    public void setPrivateKeyLocation(Resource privateKeyLocation) {
        this.privateKeyLocation = privateKeyLocation;
    }

    /**
     * @return whether a JWT key source is configured, a private key whose public half verifies included
     */
    @Override
    public boolean hasJwtKeys() {
        return super.hasJwtKeys() || privateKeyLocation != null;
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

    public Map<String, Issuer> getIssuers() {
        return issuers;
    }

    public void setIssuers(Map<String, Issuer> issuers) {
        this.issuers = issuers;
    }

    public Denylist getDenylist() {
        return denylist;
    }

    public JwkSet getJwkSet() {
        return jwkSet;
    }

    public Mtls getMtls() {
        return mtls;
    }

    public DpopProofs getDpop() {
        return dpop;
    }

    /** One more issuer: its keys and rules, and whether its tokens are DPoP-bound. */
    public static class Issuer extends JwtIssuerProperties {

        /** DPoP (RFC 9449) for this issuer's tokens. */
        private final Dpop dpop = new Dpop();

        public Dpop getDpop() {
            return dpop;
        }
    }

    /** DPoP (RFC 9449) for one issuer's tokens. */
    public static class Dpop {

        /**
         * disabled: tokens come as Bearer only; allowed: DPoP-bound tokens (cnf.jkt) need the DPoP
         * scheme and a valid proof, unbound ones still pass as Bearer; required: every token must be
         * DPoP-bound and come with a proof.
         */
        private DpopMode mode = DpopMode.DISABLED;

        public DpopMode getMode() {
            return mode;
        }

        public void setMode(DpopMode mode) {
            this.mode = mode;
        }
    }

    /** DPoP (RFC 9449): the top-level issuer's mode, and how the proofs of every issuer are checked. */
    public static class DpopProofs extends Dpop {

        /**
         * The API's public URL (scheme, host, port and any path prefix before the request's path), which
         * a proof's htu must name. When unset, the request's URL, with the scheme and host that
         * policy-auth.internal.trusted-proxies forward in X-Forwarded-Proto, X-Forwarded-Host and
         * X-Forwarded-Port.
         */
        private URI publicUrl;

        /** How old a proof's "iat" may be (RFC 9449 section 11.1); the clock skew is allowed either way. */
        private Duration proofMaxAge = DpopProofRules.DEFAULT_PROOF_MAX_AGE;

        /** The asymmetric algorithms a proof may be signed with (RSA and EC), announced in "algs". */
        private List<String> algorithms = new ArrayList<>(DpopProofRules.DEFAULT_ALGORITHMS);

        /** Where the proofs already seen are kept: "memory" (this instance) or "mongo" (every instance). */
        private ReplayStore replayStore = ReplayStore.MEMORY;

        /** MongoDB collection of the proofs already seen, with replay-store mongo. */
        private String replayCollection = "dpop_proofs";

        /** Time limit of one MongoDB operation of the replay store. */
        private Duration replayTimeout = Duration.ofSeconds(2);

        /** Whether proofs must carry a server nonce (RFC 9449 section 8), offered in DPoP-Nonce. */
        private boolean nonce;

        /** How long a nonce is offered; it is accepted for up to twice as long. */
        private Duration nonceLifetime = Duration.ofMinutes(5);

        /**
         * HMAC secret of the nonces, at least 32 bytes: instances that share it accept each other's
         * nonces. When unset, each instance has its own random one.
         */
        private String nonceSecret;

        public URI getPublicUrl() {
            return publicUrl;
        }

        public void setPublicUrl(URI publicUrl) {
            this.publicUrl = publicUrl;
        }

        public Duration getProofMaxAge() {
            return proofMaxAge;
        }

        public void setProofMaxAge(Duration proofMaxAge) {
            this.proofMaxAge = proofMaxAge;
        }

        public List<String> getAlgorithms() {
            return algorithms;
        }

        public void setAlgorithms(List<String> algorithms) {
            this.algorithms = algorithms;
        }

        public ReplayStore getReplayStore() {
            return replayStore;
        }

        public void setReplayStore(ReplayStore replayStore) {
            this.replayStore = replayStore;
        }

        public String getReplayCollection() {
            return replayCollection;
        }

        public void setReplayCollection(String replayCollection) {
            this.replayCollection = replayCollection;
        }

        public Duration getReplayTimeout() {
            return replayTimeout;
        }

        public void setReplayTimeout(Duration replayTimeout) {
            this.replayTimeout = replayTimeout;
        }

        public boolean isNonce() {
            return nonce;
        }

        public void setNonce(boolean nonce) {
            this.nonce = nonce;
        }

        public Duration getNonceLifetime() {
            return nonceLifetime;
        }

        public void setNonceLifetime(Duration nonceLifetime) {
            this.nonceLifetime = nonceLifetime;
        }

        public String getNonceSecret() {
            return nonceSecret;
        }

        public void setNonceSecret(String nonceSecret) {
            this.nonceSecret = nonceSecret;
        }

        /** Where the proofs already seen are kept. */
        public enum ReplayStore {
            /** This instance's memory. */
            MEMORY,
            /** MongoDB, shared by every instance: a proof replayed on another instance fails too. */
            MONGO
        }
    }

    /** Certificate-bound access tokens (RFC 8705). */
    public static class Mtls {

        /**
         * if-present: a token whose cnf holds x5t#S256 passes only with that TLS client certificate
         * (others pass); required: every token must be so bound.
         */
        private CertificateBinding.Mode binding = CertificateBinding.Mode.IF_PRESENT;

        public CertificateBinding.Mode getBinding() {
            return binding;
        }

        public void setBinding(CertificateBinding.Mode binding) {
            this.binding = binding;
        }
    }

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
