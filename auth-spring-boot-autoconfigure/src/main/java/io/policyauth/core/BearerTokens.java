package io.policyauth.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads a bearer token from the {@code Authorization} header as RFC 6750 section 2.1 sends it, for
 * any mechanism that takes one (JWTs, opaque tokens). Only the header is read: tokens in query
 * strings or form bodies leak into logs. Refusals carry the {@code Bearer} challenge.
 */
public final class BearerTokens {

    /** The authentication scheme. */
    public static final String SCHEME = "Bearer";

    /** The scheme of access tokens bound to a key by a DPoP proof (RFC 9449), the other way a token comes. */
    public static final String DPOP_SCHEME = "DPoP";

    private static final Challenge CHALLENGE = Challenge.of(SCHEME);

    /*
     * The b64token alphabet as a table indexed by a character's low byte: about twice as fast over a
     * token as the two bit masks it replaced, whose branch on a character's range a token's mix of
     * digits and letters makes unpredictable.
     */
    private static final boolean[] B64 = table(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/");

    private BearerTokens() {
    }

    /**
     * @param context the request
     * @return the token, a well-formed RFC 6750 {@code b64token}; its length is the caller's to bound
     * @throws AuthenticationException without a bearer credential (401 with the {@code Bearer}
     *         challenge), or with a malformed one ({@code invalid_token})
     * @throws InvalidCredentialRequestException with more than one {@code Authorization} header
     */
    public static String from(SecurityRequestContext context) {
        return read(context, false).token();
    }

    /**
     * Reads a token sent as {@code Bearer}, or also as {@code DPoP} (RFC 9449 section 7.1) for policies
     * that admit DPoP-bound tokens.
     *
     * @param context the request
     * @param dpop whether the {@code DPoP} scheme is read too
     * @return the token and the scheme it came with
     * @throws AuthenticationException without a token of a scheme read, or with a malformed one
     * @throws InvalidCredentialRequestException with more than one {@code Authorization} header
     */
    public static PresentedToken read(SecurityRequestContext context, boolean dpop) {
        String authorization;
        try {
            authorization = context.headers().single("Authorization");
        }
        catch (InvalidCredentialRequestException duplicate) {
            throw new InvalidCredentialRequestException(duplicate.reason(), duplicate.detail(),
                    CHALLENGE.with("error", "invalid_request")
                            .with("error_description", "Send one Authorization header."));
        }
        String scheme = authorization == null ? null : schemeOf(authorization, dpop);
        if (scheme == null) {
            throw missing();
        }
        if (authorization.length() == scheme.length()) {
            throw malformed();
        }
        if (authorization.charAt(scheme.length()) != ' ') {
            // "Bearerish ..." is another scheme, not a malformed bearer credential.
            throw missing();
        }
        String token = authorization.substring(scheme.length() + 1).trim();
        if (!isB64Token(token)) {
            throw malformed();
        }
        return new PresentedToken(scheme, token);
    }

    private static @Nullable String schemeOf(String authorization, boolean dpop) {
        if (authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return SCHEME;
        }
        return dpop && authorization.regionMatches(true, 0, DPOP_SCHEME, 0, DPOP_SCHEME.length()) ? DPOP_SCHEME
                : null;
    }

    /**
     * A token as the request carried it.
     *
     * @param scheme {@link #SCHEME} or {@link #DPOP_SCHEME}
     * @param token the token, a well-formed {@code b64token}
     */
    public record PresentedToken(String scheme, String token) {

        /** @return whether the token came with the {@code DPoP} scheme */
        public boolean dpop() {
            return DPOP_SCHEME.equals(scheme);
        }
    }

    /**
     * @param reason the reason code, for example {@code token_expired}
     * @param detail a client-safe sentence, also sent as {@code error_description}
     * @return a 401 refusing a bearer token (RFC 6750 {@code invalid_token})
     */
    public static AuthenticationException invalid(String reason, String detail) {
        Challenge challenge = CHALLENGE.with("error", "invalid_token").with("error_description", detail);
        return new AuthenticationException(reason, detail, true, List.of(challenge), null);
    }

    /** @return the challenge a bearer-token policy answers a request without a credential with */
    public static Challenge challenge() {
        return CHALLENGE;
    }

    private static AuthenticationException missing() {
        return new AuthenticationException("missing_token", "A bearer token is required.", false, List.of(CHALLENGE),
                null);
    }

    private static AuthenticationException malformed() {
        return invalid("malformed_token", "The bearer token is malformed.");
    }

    /*
     * RFC 6750 b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". A loop
     * rather than a regular expression: this runs on every request over a token of up to 16 kB. The
     * padding is taken off the end first, so that the loop over the rest has no exit but its
     * length: half the time of one that stops at the first character outside the alphabet.
     */
    static boolean isB64Token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        int outside = end == 0 ? 1 : 0;
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            outside |= (c >> 8) | (B64[c & 0xFF] ? 0 : 1);
        }
        return outside == 0;
    }

    private static boolean[] table(String characters) {
        boolean[] table = new boolean[256];
        for (char c : characters.toCharArray()) {
            table[c] = true;
        }
        return table;
    }
}
