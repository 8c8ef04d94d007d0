package io.policyauth.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The request paths Tomcat refuses with 400 before any application code runs, and Reactor Netty
 * passes on: an encoded {@code /} or {@code \} (which would join two segments into one), an
 * encoded NUL, and invalid percent-encoding or UTF-8. A front on a lenient server refuses them
 * itself, so one application answers them alike on either stack, and no policy is asked about a
 * path its handlers may read differently.
 */
public final class RefusedRequestTargets {

    private RefusedRequestTargets() {
    }

    /**
     * @param rawPath the path of the request target, still percent-encoded, without the query
     * @return why the path is refused, safe to show the client (it quotes nothing of the path),
     *         or {@code null} when it is not
     */
    public static @Nullable String refusal(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return null;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            return "The request path encodes '/' or '\\'.";
        }
        if (lower.contains("%00")) {
            return "The request path encodes a NUL character.";
        }
        try {
            StrictPercentDecoding.decode(rawPath);
            return null;
        }
        catch (IllegalArgumentException invalid) {
            return "The request path has an invalid percent-encoding.";
        }
    }
}
