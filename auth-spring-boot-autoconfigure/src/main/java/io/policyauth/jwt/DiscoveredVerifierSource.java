package io.policyauth.jwt;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.BackgroundTasks;

/**
 * Keys of an issuer found by discovery ({@link IssuerMetadata}), then used as a JWK Set is
 * (refreshed ahead, refetched on an unknown key). Lazy: nothing is fetched until the first token,
 * so the application starts whatever state the provider is in. While the metadata cannot be had,
 * tokens get 503 with {@code Retry-After}, and the next attempt waits out a backoff that doubles
 * from one second to five minutes: a provider that is down is never asked in a loop.
 */
final class DiscoveredVerifierSource implements VerifierSource {

    private static final Logger log = LoggerFactory.getLogger(DiscoveredVerifierSource.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final URI issuer;
    private final JwkSetOptions options;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ResourceRetriever retriever;
    private volatile @Nullable JwkSetVerifierSource keys;
    private @Nullable Instant nextAttempt;
    private Duration backoff = FIRST_BACKOFF;

    DiscoveredVerifierSource(URI issuer, JwkSetOptions options, BackgroundTasks tasks, Clock clock) {
        this.issuer = issuer;
        this.options = options;
        this.tasks = tasks;
        this.clock = clock;
        this.retriever = new DefaultResourceRetriever((int) options.connectTimeout().toMillis(),
                (int) options.readTimeout().toMillis(), options.sizeLimit());
    }

    @Override
    public List<JWSVerifier> verifiersFor(JWSHeader header) {
        JwkSetVerifierSource known = keys;
        return (known != null ? known : discover()).verifiersFor(header);
    }

    @Override
    public void close() {
        JwkSetVerifierSource known = keys;
        if (known != null) {
            known.close();
        }
    }

    private synchronized JwkSetVerifierSource discover() {
        if (keys != null) {
            return keys;
        }
        Instant now = clock.instant();
        if (nextAttempt != null && now.isBefore(nextAttempt)) {
            throw unavailable(Duration.between(now, nextAttempt), null);
        }
        try {
            URL jwkSet = IssuerMetadata.jwkSetUrl(issuer, retriever);
            JwkSetVerifierSource found = new JwkSetVerifierSource(jwkSet, options, tasks, clock, issuer.toString());
            log.info("policy-auth: issuer {} publishes its keys at {}", issuer, jwkSet);
            keys = found;
            return found;
        }
        catch (IOException | RuntimeException failure) {
            Duration wait = backoff;
            nextAttempt = now.plus(wait);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            log.warn("policy-auth: the metadata of issuer {} cannot be used ({}); next attempt in {}", issuer,
                    failure.getMessage(), wait);
            throw unavailable(wait, failure);
        }
    }

    private static AuthUnavailableException unavailable(Duration retryAfter, @Nullable Exception cause) {
        return new AuthUnavailableException("issuer_unavailable",
                "The keys that verify tokens cannot be loaded right now.", retryAfter, cause);
    }
}
