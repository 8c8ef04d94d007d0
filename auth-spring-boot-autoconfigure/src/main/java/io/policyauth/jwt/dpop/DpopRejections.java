package io.policyauth.jwt.dpop;

import java.util.List;
import java.util.Map;

import io.policyauth.core.AuthenticationException;
import io.policyauth.core.BearerTokens;
import io.policyauth.core.Challenge;
import io.policyauth.core.Denial;
import io.policyauth.core.DenialKind;

/**
 * The 401s of DPoP (RFC 9449 section 7.1): a {@code DPoP} challenge with the error, a client-safe
 * description and the accepted algorithms ({@code algs}); for a missing nonce, the nonce to use.
 *
 * @param algorithms the accepted proof algorithms, space separated, as {@code algs} names them
 */
public record DpopRejections(String algorithms) {

    /** The response header that carries a server nonce. */
    public static final String NONCE_HEADER = "DPoP-Nonce";

    /** @return the challenge of a request without a DPoP-bound token */
    public Challenge challenge() {
        return Challenge.of(BearerTokens.DPOP_SCHEME).with("algs", algorithms);
    }

    /**
     * @param reason the reason code, for audit and metrics
     * @param detail the client-safe sentence
     * @return a 401 {@code invalid_dpop_proof}
     */
    public AuthenticationException invalidProof(String reason, String detail) {
        return rejected("invalid_dpop_proof", reason, detail);
    }

    /**
     * @param reason the reason code, for audit and metrics
     * @param detail the client-safe sentence
     * @return a 401 {@code invalid_token} under the {@code DPoP} scheme
     */
    public AuthenticationException invalidToken(String reason, String detail) {
        return rejected("invalid_token", reason, detail);
    }

    /**
     * @param nonce the nonce the proof must carry
     * @return a 401 {@code use_dpop_nonce} with the {@value #NONCE_HEADER} header
     */
    public AuthenticationException useNonce(String nonce) {
        String detail = "The DPoP proof must carry the server's current nonce.";
        return new AuthenticationException(new Denial(DenialKind.CREDENTIAL_REJECTED, "dpop_nonce_required", detail,
                List.of(challenge("use_dpop_nonce", detail)), null, Map.of(NONCE_HEADER, nonce)), null);
    }

    private AuthenticationException rejected(String error, String reason, String detail) {
        return new AuthenticationException(reason, detail, true, List.of(challenge(error, detail)), null);
    }

    private Challenge challenge(String error, String detail) {
        return Challenge.of(BearerTokens.DPOP_SCHEME).with("error", error).with("error_description", detail)
                .with("algs", algorithms);
    }
}
