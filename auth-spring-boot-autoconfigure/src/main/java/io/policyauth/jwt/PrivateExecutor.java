package io.policyauth.jwt;

import java.util.List;
import java.util.Objects;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.Challenge;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.InvalidCredentialRequestException;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * The {@code private} policy: a valid bearer JWT in the {@code Authorization} header (RFC 6750
 * section 2.1). Only the header is read: tokens in query strings or form bodies leak into logs.
 */
public final class PrivateExecutor implements AuthExecutor {

    /** The policy name. */
    public static final String POLICY = "private";

    /** The {@link PolicyDescription#kind()} of JWT policies. */
    public static final String KIND = "jwt";

    private static final String SCHEME = "Bearer";

    private static final Challenge CHALLENGE = Challenge.of(SCHEME);

    private final String policy;
    private final JwtAuthProvider provider;

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
        this.policy = Objects.requireNonNull(policy, "policy");
        this.provider = Objects.requireNonNull(provider, "provider");
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
        return PolicyDescription.leaf(policy, KIND, CredentialDescription.bearerToken(), List.of(CHALLENGE));
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        return provider.check(bearerToken(context));
    }

    private static String bearerToken(SecurityRequestContext context) {
        String authorization;
        try {
            authorization = context.headers().single("Authorization");
        }
        catch (InvalidCredentialRequestException duplicate) {
            throw new InvalidCredentialRequestException(duplicate.reason(), duplicate.detail(),
                    CHALLENGE.with("error", "invalid_request")
                            .with("error_description", "Send one Authorization header."));
        }
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new AuthenticationException("missing_token", "A bearer token is required.", false,
                    List.of(CHALLENGE), null);
        }
        if (authorization.length() == SCHEME.length()) {
            throw malformedHeader();
        }
        if (authorization.charAt(SCHEME.length()) != ' ') {
            // "Bearerish ..." is another scheme, not a malformed bearer credential.
            throw new AuthenticationException("missing_token", "A bearer token is required.", false,
                    List.of(CHALLENGE), null);
        }
        String token = authorization.substring(SCHEME.length() + 1).trim();
        // The provider bounds the length: it is the one that parses.
        if (!isB64Token(token)) {
            throw malformedHeader();
        }
        return token;
    }

    /*
     * RFC 6750 b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". A loop
     * rather than a regular expression: this runs on every request over a token of up to 16 kB.
     */
    static boolean isB64Token(String token) {
        int length = token.length();
        int i = 0;
        while (i < length && isB64Char(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < length && token.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean isB64Char(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static AuthenticationException malformedHeader() {
        return TokenRejections.reject("malformed_token", "The bearer token is malformed.");
    }
}
