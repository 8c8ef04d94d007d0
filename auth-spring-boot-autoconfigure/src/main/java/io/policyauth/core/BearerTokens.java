package io.policyauth.core;

import java.util.List;

/**
 * Reads a bearer token from the {@code Authorization} header as RFC 6750 section 2.1 sends it, for
 * any mechanism that takes one (JWTs, opaque tokens). Only the header is read: tokens in query
 * strings or form bodies leak into logs. Refusals carry the {@code Bearer} challenge.
 */
public final class BearerTokens {

    /** The authentication scheme. */
    public static final String SCHEME = "Bearer";

    private static final Challenge CHALLENGE = Challenge.of(SCHEME);

    /* One bit per character of the b64token alphabet (below 64, and 64 to 127): no branch per character. */
    private static final long B64_LOW = bits("0123456789-.+/");
    private static final long B64_HIGH = bits("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_~");

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
            throw missing();
        }
        if (authorization.length() == SCHEME.length()) {
            throw malformed();
        }
        if (authorization.charAt(SCHEME.length()) != ' ') {
            // "Bearerish ..." is another scheme, not a malformed bearer credential.
            throw missing();
        }
        String token = authorization.substring(SCHEME.length() + 1).trim();
        if (!isB64Token(token)) {
            throw malformed();
        }
        return token;
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
        return c < 64 ? (B64_LOW >>> c & 1) != 0 : c < 128 && (B64_HIGH >>> (c - 64) & 1) != 0;
    }

    private static long bits(String characters) {
        long bits = 0;
        for (char c : characters.toCharArray()) {
            bits |= 1L << (c & 63);
        }
        return bits;
    }
}
