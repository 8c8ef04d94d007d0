package io.policyauth.jwt;

import java.util.List;
import java.util.Objects;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.BearerTokens;
import io.policyauth.core.BearerTokens.PresentedToken;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.Handoff;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.jwt.dpop.DpopBinding;

/**
 * The {@code private} policy: a valid bearer JWT in the {@code Authorization} header, read by
 * {@link BearerTokens} (RFC 6750 section 2.1); a token bound to a client certificate (RFC 8705) only
 * with that certificate; a token bound to a key by DPoP (RFC 9449) only with the {@code DPoP} scheme
 * and a proof by that key, as the {@link DpopBinding} allows.
 */
public final class PrivateExecutor implements AuthExecutor {

    /** The policy name. */
    public static final String POLICY = "private";

    /** The {@link PolicyDescription#kind()} of JWT policies. */
    public static final String KIND = "jwt";

    /** The format of the tokens, as OpenAPI's {@code bearerFormat} names it. */
    public static final String TOKEN_FORMAT = "JWT";

    private final String policy;
    private final JwtAuthProvider provider;
    private final List<CredentialDescription.Issuer> issuers;
    private final CertificateBinding binding;
    private final DpopBinding dpop;
    /* The token mayBlock read, for execute of the same request: the header is read and checked once. */
    private final Handoff<SecurityRequestContext, PresentedToken> read = new Handoff<>();

    /**
     * @param provider verifies the tokens
     */
    public PrivateExecutor(JwtAuthProvider provider) {
        this(POLICY, provider);
    }

    /**
     * @param policy the policy name: {@code private}, or {@code private:<issuer>} for one issuer of several
     * @param provider verifies the tokens
     */
    public PrivateExecutor(String policy, JwtAuthProvider provider) {
        this(policy, provider, List.of(new CredentialDescription.Issuer(policy, null)));
    }

    /**
     * @param policy the policy name: {@code private}, or {@code private:<issuer>} for one issuer of several
     * @param provider verifies the tokens
     * @param issuers whose tokens the provider accepts, as {@link #describe()} tells readers
     */
    public PrivateExecutor(String policy, JwtAuthProvider provider, List<CredentialDescription.Issuer> issuers) {
        this(policy, provider, issuers, CertificateBinding.IF_PRESENT);
    }

    /**
     * @param policy the policy name: {@code private}, or {@code private:<issuer>} for one issuer of several
     * @param provider verifies the tokens
     * @param issuers whose tokens the provider accepts, as {@link #describe()} tells readers
     * @param binding how tokens bound to a client certificate (RFC 8705) are checked
     */
    public PrivateExecutor(String policy, JwtAuthProvider provider, List<CredentialDescription.Issuer> issuers,
            CertificateBinding binding) {
        this(policy, provider, issuers, binding, DpopBinding.DISABLED);
    }

    /**
     * @param policy the policy name: {@code private}, or {@code private:<issuer>} for one issuer of several
     * @param provider verifies the tokens
     * @param issuers whose tokens the provider accepts, as {@link #describe()} tells readers
     * @param binding how tokens bound to a client certificate (RFC 8705) are checked
     * @param dpop how tokens bound to a key by DPoP (RFC 9449) are checked
     */
    public PrivateExecutor(String policy, JwtAuthProvider provider, List<CredentialDescription.Issuer> issuers,
            CertificateBinding binding, DpopBinding dpop) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.issuers = List.copyOf(issuers);
        this.binding = Objects.requireNonNull(binding, "binding");
        this.dpop = Objects.requireNonNull(dpop, "dpop");
    }

    @Override
    public String policy() {
        return policy;
    }

    @Override
    public boolean mayBlock() {
        return provider.mayBlock() || dpop.mayBlock();
    }

    /* A token the provider answers from memory (seen before) is CPU work: a reactive front decides it inline. */
    @Override
    public boolean mayBlock(SecurityRequestContext context) {
        if (dpop.mayBlock()) {
            return true;
        }
        if (!provider.mayBlock()) {
            return false;
        }
        try {
            PresentedToken presented = dpop.read(context);
            read.give(context, presented);
            return provider.mayBlock(presented.token());
        }
        catch (AuthException refused) {
            return false;
        }
    }

    @Override
    public PolicyDescription describe() {
        return PolicyDescription.leaf(policy, KIND, CredentialDescription.bearerToken(TOKEN_FORMAT, issuers),
                dpop.challenges());
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        PresentedToken presented = read.take(context);
        if (presented == null) {
            presented = dpop.read(context);
        }
        AuthenticatedUser user;
        try {
            // The provider bounds the length: it is the one that parses.
            user = provider.check(presented.token());
        }
        catch (AuthException refused) {
            throw dpop.restate(refused, presented);
        }
        try {
            return binding.check(dpop.check(user, presented, context), context);
        }
        catch (AuthException unbound) {
            // The token was valid: the decision records whose it was.
            throw unbound.refusing(user);
        }
    }
}
