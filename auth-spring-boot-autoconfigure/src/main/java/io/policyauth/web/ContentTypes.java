package io.policyauth.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Checks a raw {@code Content-Type} without parsing it: a policy must judge a body by what the
 * client sent, even a type that a parser refuses (an unknown charset).
 */
public final class ContentTypes {

    /** The media type of a form post. */
    public static final String FORM = "application/x-www-form-urlencoded";

    /** The prefix of every multipart media type. */
    public static final String MULTIPART = "multipart/";

    private ContentTypes() {
    }

    /**
     * Media types are case-insensitive (RFC 9110 section 8.3.1), and so is this check.
     *
     * @param contentType the header's value, or {@code null}
     * @param prefix a media type or its start, in lower case
     * @return whether the value starts with it
     */
    public static boolean is(@Nullable String contentType, String prefix) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith(prefix);
    }
}
