package io.policyauth.jwt;

import java.util.List;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;

/** One key fixed at start: its verifier is built once and shared by every request. */
final class StaticVerifierSource implements VerifierSource {

    private final List<JWSVerifier> verifiers;

    StaticVerifierSource(JWSVerifier verifier) {
        this.verifiers = List.of(verifier);
    }

    @Override
    public List<JWSVerifier> verifiersFor(JWSHeader header) {
        return verifiers;
    }
}
