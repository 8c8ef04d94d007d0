package io.policyauth.jwt;

import java.util.List;
import java.util.Objects;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.BearerTokens;
import io.policyauth.core.Challenge;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * The {@code private} policy: a valid bearer JWT in the {@code Authorization} header, read by
 * {@link BearerTokens} (RFC 6750 section 2.1); a token bound to a client certificate (RFC 8705) only
 * with that certificate.
 */
public final class PrivateExecutor implements AuthExecutor {

    /** The policy name. */
    public static final String POLICY = "private";

    /** The {@link PolicyDescription#kind()} of JWT policies. */
    public static final String KIND = "jwt";

    private static final Challenge CHALLENGE = BearerTokens.challenge();

    /** The format of the tokens, as OpenAPI's {@code bearerFormat} names it. */
    public static final String TOKEN_FORMAT = "JWT";

    private final String policy;
    private final JwtAuthProvider provider;
    private final List<CredentialDescription.Issuer> issuers;
    private final CertificateBinding binding;

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
        this.policy = Objects.requireNonNull(policy, "policy");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.issuers = List.copyOf(issuers);
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    @Override
    public String policy() {
        return policy;
    }

    @Override
    public boolean mayBlock() {
        return provider.mayBlock();
    }

    @Override
    public PolicyDescription describe() {
        return PolicyDescription.leaf(policy, KIND, CredentialDescription.bearerToken(TOKEN_FORMAT, issuers),
                List.of(CHALLENGE));
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        // The provider bounds the length: it is the one that parses.
        return binding.check(provider.check(BearerTokens.from(context)), context);
    }
}
