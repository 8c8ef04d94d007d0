package io.policyauth.jwt;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.jwk.source.RefreshAheadCachingJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.cache.SampledReads;
import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.Locations;
import io.policyauth.core.OutageLog;

/**
 * Keys from a JWK Set URI. The set is fetched on first use and cached; a scheduled task refreshes
 * it ahead of expiry so requests do not wait on the network; a token with an unknown key triggers
 * a refetch, rate limited so forged key ids cannot hammer the endpoint. Verifiers are cached per
 * key (bounded) since building one parses the key.
 */
final class JwkSetVerifierSource implements VerifierSource {

    /** More keys than any real set holds at once. */
    private static final int MAX_CACHED_VERIFIERS = 64;

    private static final Logger logger = LoggerFactory.getLogger(JwkSetVerifierSource.class);

    private final JWKSetSource<SecurityContext> source;
    private final Duration retryAfter;
    private final Clock clock;
    private final OutageLog outages;
    // Optional, since a key that makes no verifier (too short, broken) is remembered as such.
    private final SampledReads<JWK, Optional<JWSVerifier>> verifiers = new SampledReads<>(Caffeine.newBuilder()
            .maximumSize(MAX_CACHED_VERIFIERS).executor(Runnable::run).build());

    JwkSetVerifierSource(URL jwkSetUrl, JwkSetOptions options, BackgroundTasks tasks, Clock clock,
            @Nullable String issuer) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(millis(options.connectTimeout()),
                millis(options.readTimeout()), options.sizeLimit());
        JWKSetSource<SecurityContext> fetching = new RateLimitedJWKSetSource<>(
                new URLBasedJWKSetSource<>(jwkSetUrl, retriever), options.minRefetchInterval().toMillis(), null);
        long refreshTimeout = options.connectTimeout().plus(options.readTimeout()).toMillis();
        // The shared background executor is policy-auth's to stop, never Nimbus's.
        this.source = new RefreshAheadCachingJWKSetSource<>(fetching, options.cacheTtl().toMillis(), refreshTimeout,
                options.refreshAhead().toMillis(), tasks.executor(), false, null, tasks.executor(), false);
        this.retryAfter = options.minRefetchInterval();
        this.clock = clock;
        this.outages = new OutageLog(logger, "the JWK Set at " + Locations.withoutCredentials(URI.create(
                jwkSetUrl.toString())) + (issuer == null ? "" : " (issuer " + issuer + ")"), retryAfter, clock);
    }

    /** For tests and custom retrieval: any already assembled source. */
    JwkSetVerifierSource(JWKSetSource<SecurityContext> source, Duration retryAfter, Clock clock) {
        this.source = source;
        this.retryAfter = retryAfter;
        this.clock = clock;
        this.outages = new OutageLog(logger, "the JWK Set", retryAfter, clock);
    }

    @Override
    public List<JWSVerifier> verifiersFor(JWSHeader header) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (matcher == null) {
            throw TokenRejections.unsupportedAlgorithm();
        }
        JWKSelector selector = new JWKSelector(matcher);
        long now = clock.millis();
        JWKSet known = load(JWKSetCacheRefreshEvaluator.noRefresh(), now);
        List<JWK> keys = selector.select(known);
        if (keys.isEmpty()) {
            try {
                // Perhaps the keys were rotated: refetch, unless the rate limit says we just did.
                keys = selector.select(source.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(known), now, null));
                outages.succeeded();
            }
            catch (RateLimitReachedException limited) {
                keys = List.of();
            }
            catch (KeySourceException failure) {
                outages.failed(failure);
                throw unavailable(failure);
            }
        }
        List<JWSVerifier> found = new ArrayList<>(keys.size());
        for (JWK key : keys) {
            JWSVerifier verifier = verifierOf(key);
            if (verifier != null) {
                found.add(verifier);
            }
        }
        if (found.isEmpty()) {
            throw TokenRejections.unknownKey();
        }
        return found;
    }

    @Override
    public void close() {
        try {
            source.close();
        }
        catch (IOException ignored) {
            // Nothing is held open but the refresh threads, which close() has stopped.
        }
    }

    private JWKSet load(JWKSetCacheRefreshEvaluator evaluator, long now) {
        try {
            JWKSet set = source.getJWKSet(evaluator, now, null);
            outages.succeeded();
            return set;
        }
        catch (KeySourceException | RuntimeException failure) {
            outages.failed(failure);
            throw unavailable(failure);
        }
    }

    private AuthUnavailableException unavailable(Exception cause) {
        return new AuthUnavailableException("key_set_unavailable",
                "The keys that verify tokens cannot be loaded right now.", retryAfter, cause);
    }

    private JWSVerifier verifierOf(JWK key) {
        return verifiers.get(key, JwkSetVerifierSource::create).orElse(null);
    }

    private static Optional<JWSVerifier> create(JWK key) {
        try {
            if (key instanceof RSAKey rsa) {
                RSAPublicKey publicKey = rsa.toRSAPublicKey();
                return publicKey.getModulus().bitLength() < JwtAlgorithms.MIN_RSA_BITS ? Optional.empty()
                        : Optional.of(new RSASSAVerifier(publicKey));
            }
            if (key instanceof ECKey ec) {
                return Optional.of(new ECDSAVerifier(ec.toECPublicKey()));
            }
        }
        catch (JOSEException | RuntimeException unusable) {
            // A broken key in the set must not fail tokens signed by the good ones.
        }
        return Optional.empty();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
