package io.policyauth.remote;

import org.jspecify.annotations.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The user and password of an {@code Authorization: Basic} header (RFC 7617), decoded as UTF-8.
 *
 * @param user the user id, possibly empty
 * @param pass the password, possibly empty; never logged ({@link #toString()} hides it)
 */
public record BasicCredentials(String user, String pass) {

    private static final String SCHEME = "basic";

    /**
     * Reads Basic credentials from an {@code Authorization} value.
     *
     * @param authorization the header value, or {@code null}
     * @return the credentials, or {@code null} when the header is absent or of another scheme
     * @throws IllegalArgumentException when the header says Basic but is not valid Basic; the
     *         message never contains the credentials
     */
    public static @Nullable BasicCredentials parse(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        String trimmed = authorization.strip();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!SCHEME.equals(scheme.toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (space < 0) {
            throw new IllegalArgumentException("Basic credentials are empty");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(trimmed.substring(space + 1).strip());
        }
        catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("Basic credentials are not valid Base64");
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Basic credentials have no ':' between user and password");
        }
        return new BasicCredentials(pair.substring(0, colon), pair.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + ", pass=****]";
    }
}
