package io.policyauth.jwt;

import java.util.List;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;

/**
 * Where the verifiers of a token come from. Only the configured keys are ever consulted: keys
 * named by the token itself ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are ignored.
 */
interface VerifierSource extends AutoCloseable {

    /**
     * The verifiers to try, in order, for a token whose algorithm is already allowed.
     *
     * @param header the token's header
     * @return at least one verifier
     * @throws io.policyauth.core.AuthenticationException when no configured key fits (401)
     * @throws io.policyauth.core.AuthUnavailableException when keys cannot be had (503)
     */
    List<JWSVerifier> verifiersFor(JWSHeader header);

    @Override
    default void close() {
    }
}
