package io.policyauth.jwt.dpop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.BearerTokens;
import io.policyauth.core.BearerTokens.PresentedToken;
import io.policyauth.core.Challenge;
import io.policyauth.core.SecurityRequestContext;

/**
 * How a token policy treats DPoP (RFC 9449), by the {@link DpopMode} of the issuer of each
 * verified token: reads the token sent as {@code Bearer} or {@code DPoP}, and then admits it only
 * as that mode allows: a DPoP-bound token (its {@code cnf} holds {@code jkt}) only with the
 * {@code DPoP} scheme and a valid proof by the key it is bound to, never as {@code Bearer}.
 */
public final class DpopBinding {

    /** No issuer takes DPoP: tokens come as {@code Bearer} only, as before RFC 9449. */
    public static final DpopBinding DISABLED = new DpopBinding(Map.of(), DpopMode.DISABLED, null);

    private static final String THUMBPRINT = "jkt";

    private final Map<String, DpopMode> byIssuer;
    private final DpopMode otherwise;
    private final @Nullable DpopProofVerifier verifier;
    private final List<Challenge> challenges;

    /**
     * @param byIssuer the mode of each issuer, by the {@code iss} its tokens carry
     * @param otherwise the mode of tokens of an issuer not in {@code byIssuer}
     * @param verifier checks the proofs; required unless every mode is {@link DpopMode#DISABLED}
     */
    public DpopBinding(Map<String, DpopMode> byIssuer, DpopMode otherwise, @Nullable DpopProofVerifier verifier) {
        this.byIssuer = Map.copyOf(byIssuer);
        this.otherwise = Objects.requireNonNull(otherwise, "otherwise");
        List<DpopMode> modes = new ArrayList<>(this.byIssuer.values());
        modes.add(otherwise);
        boolean enabled = modes.stream().anyMatch(mode -> mode != DpopMode.DISABLED);
        if (enabled && verifier == null) {
            throw new IllegalArgumentException("DPoP is enabled for an issuer: a proof verifier is required");
        }
        this.verifier = enabled ? verifier : null;
        List<Challenge> asked = new ArrayList<>();
        if (modes.stream().anyMatch(mode -> mode != DpopMode.REQUIRED)) {
            asked.add(BearerTokens.challenge());
        }
        if (this.verifier != null) {
            asked.add(this.verifier.rejections().challenge());
        }
        this.challenges = List.copyOf(asked);
    }

    /**
     * @param mode the mode of every token
     * @param verifier checks the proofs; {@code null} only when {@code mode} is {@link DpopMode#DISABLED}
     * @return the binding of one issuer's policy
     */
    public static DpopBinding of(DpopMode mode, @Nullable DpopProofVerifier verifier) {
        return mode == DpopMode.DISABLED ? DISABLED : new DpopBinding(Map.of(), mode, verifier);
    }

    /** @return the challenges of a request without a token: {@code Bearer}, {@code DPoP}, or both */
    public List<Challenge> challenges() {
        return challenges;
    }

    /** @return whether some issuer takes DPoP-bound tokens */
    public boolean enabled() {
        return verifier != null;
    }

    /** @return whether checking a proof may wait on I/O */
    public boolean mayBlock() {
        return verifier != null && verifier.mayBlock();
    }

    /**
     * @param context a request
     * @return its token, and the scheme it came with
     * @throws AuthenticationException without a token (401 with {@link #challenges()}), or with a malformed one
     */
    public PresentedToken read(SecurityRequestContext context) {
        try {
            return BearerTokens.read(context, verifier != null);
        }
        catch (AuthenticationException refused) {
            if (verifier == null || refused.credentialPresented()) {
                throw refused;
            }
            throw new AuthenticationException(refused.denial().withChallenges(challenges), null);
        }
    }

    /**
     * @param failure how the token itself was refused
     * @param presented the token as it came
     * @return the refusal, with a {@code DPoP} challenge instead of {@code Bearer} for a token sent as {@code DPoP}
     */
    public AuthException restate(AuthException failure, PresentedToken presented) {
        if (verifier == null || !presented.dpop() || failure.denial().kind().status() != 401) {
            return failure;
        }
        List<Challenge> restated = new ArrayList<>();
        for (Challenge challenge : failure.challenges()) {
            restated.add(BearerTokens.SCHEME.equals(challenge.scheme())
                    ? new Challenge(BearerTokens.DPOP_SCHEME, challenge.params()).with("algs",
                            verifier.rejections().algorithms())
                    : challenge);
        }
        return new AuthException(failure.denial().withChallenges(restated), failure.getCause());
    }

    /**
     * @param user the caller whose token was verified
     * @param presented the token as it came
     * @param context the request, with its proof
     * @return the caller, when its issuer's mode admits the token as it came
     * @throws AuthenticationException 401 when it does not, or the proof is not valid
     */
    public AuthenticatedUser check(AuthenticatedUser user, PresentedToken presented, SecurityRequestContext context) {
        if (verifier == null) {
            return user;
        }
        DpopMode mode = user.claims().get("iss") instanceof String issuer ? byIssuer.getOrDefault(issuer, otherwise)
                : otherwise;
        String boundTo = user.claims().get("cnf") instanceof Map<?, ?> cnf && cnf.get(THUMBPRINT) instanceof String jkt
                ? jkt : null;
        DpopRejections rejections = verifier.rejections();
        if (presented.dpop()) {
            if (mode == DpopMode.DISABLED) {
                throw BearerTokens.invalid("dpop_not_accepted", "This token's issuer does not take DPoP; send it "
                        + "as a Bearer token.");
            }
            if (boundTo == null) {
                throw rejections.invalidToken("dpop_token_not_bound", "The token is not DPoP-bound.");
            }
            verifier.verify(context, presented.token(), boundTo);
            return user;
        }
        if (mode == DpopMode.DISABLED) {
            return user;
        }
        if (boundTo != null) {
            throw rejections.invalidToken("dpop_bound_token_as_bearer", "The token is DPoP-bound: send it with "
                    + "the DPoP scheme and a proof.");
        }
        if (mode == DpopMode.REQUIRED) {
            throw rejections.invalidToken("dpop_required", "A DPoP-bound token is required.");
        }
        return user;
    }
}
