package io.policyauth.jwt.dpop;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import org.jspecify.annotations.Nullable;

import io.policyauth.core.RequestUrlSource;

/**
 * What a DPoP proof must satisfy besides its signature.
 *
 * @param algorithms the asymmetric algorithms a proof may be signed with
 * @param proofMaxAge how old a proof's {@code iat} may be
 * @param clockSkew the tolerance on {@code iat} either way
 * @param urls where the URL the proof's {@code htu} must name comes from
 * @param nonces the server nonces proofs must carry, or {@code null} when none are asked for
 * @param clock the time
 */
public record DpopProofRules(Set<JWSAlgorithm> algorithms, Duration proofMaxAge, Duration clockSkew,
        RequestUrlSource urls, @Nullable DpopNonces nonces, Clock clock) {

    /** The asymmetric algorithms accepted unless configured otherwise. */
    public static final List<String> DEFAULT_ALGORITHMS = List.of("ES256", "ES384", "ES512", "RS256", "RS384", "RS512",
            "PS256", "PS384", "PS512");

    /** How old a proof may be unless configured otherwise (RFC 9449 leaves it to the server). */
    public static final Duration DEFAULT_PROOF_MAX_AGE = Duration.ofSeconds(60);

    public DpopProofRules {
        algorithms = Set.copyOf(algorithms);
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one proof algorithm is required");
        }
        for (JWSAlgorithm algorithm : algorithms) {
            if (!JWSAlgorithm.Family.RSA.contains(algorithm) && !JWSAlgorithm.Family.EC.contains(algorithm)) {
                throw new IllegalArgumentException(algorithm + " is not an asymmetric RSA or EC algorithm");
            }
        }
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(clock, "clock");
        if (proofMaxAge.isNegative() || proofMaxAge.isZero() || clockSkew.isNegative()) {
            throw new IllegalArgumentException("the proof's age and the skew must be positive");
        }
    }

    /**
     * @param names algorithm names such as {@code ES256}
     * @return the algorithms
     * @throws IllegalArgumentException for a name that is not an RSA or EC signature algorithm
     */
    public static Set<JWSAlgorithm> algorithms(List<String> names) {
        return names.stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
    }
}
