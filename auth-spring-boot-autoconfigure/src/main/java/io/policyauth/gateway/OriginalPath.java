package io.policyauth.gateway;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;

import io.policyauth.web.MatchedPaths;
import io.policyauth.web.StrictPercentDecoding;

/**
 * The path and query of a request that a gateway forwards, read from its raw request target. The
 * upstream, not this application, decides what the path means, so a path that two readers could
 * take for different resources is refused: dot segments ({@code /a/../b}, percent-encoded or with
 * {@code ;} parameters), {@code ;} parameters at all (Spring and Tomcat drop them, most servers
 * do not), an encoded {@code /} or {@code \}, a raw {@code \}, an empty segment ({@code //}),
 * a segment ending in {@code .} or a space (raw or encoded: Windows servers drop them), invalid
 * percent-encoding or UTF-8, control characters, anything not in printable ASCII, and the
 * characters RFC 3986 never allows raw in a path. A {@code #} is refused anywhere, whatever the
 * setting: a request target has no fragment, so the gateway and the upstream could only split it
 * differently. Every other path is decoded once and matched as the web layer matches its own.
 *
 * @param path the raw path, parsed for route matching
 * @param value the path as routes match it and decisions record it (decoded once)
 * @param query the raw query string, without {@code ?}, or {@code null}
 */
public record OriginalPath(PathContainer path, String value, @Nullable String query) {

    /* Printable ASCII that RFC 3986 allows nowhere raw in a path ('\\' is refused on its own). */
    private static final String NOT_ALLOWED_RAW = "\"<>[]^`{|}";

    /**
     * @param target the raw request target: an absolute path with an optional query
     * @param rejectAmbiguous whether paths that could be read two ways are refused
     * @return the path
     * @throws AmbiguousPathException when the path cannot be decoded, or is ambiguous and refused
     */
    public static OriginalPath parse(String target, boolean rejectAmbiguous) {
        if (target.indexOf('#') >= 0) {
            throw new AmbiguousPathException("fragment",
                    "The original URI has a '#', which a request target never has.");
        }
        int queryStart = target.indexOf('?');
        String raw = queryStart < 0 ? target : target.substring(0, queryStart);
        String query = queryStart < 0 ? null : target.substring(queryStart + 1);
        if (raw.isEmpty() || raw.charAt(0) != '/') {
            throw new AmbiguousPathException("not_absolute", "The original path must start with '/'.");
        }
        String decoded = decodeStrictly(raw);
        if (rejectAmbiguous) {
            requireUnambiguous(raw, decoded);
        }
        PathContainer path = PathContainer.parsePath(raw);
        return new OriginalPath(path, MatchedPaths.valueToMatch(path), query);
    }

    private static void requireUnambiguous(String raw, String decoded) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new AmbiguousPathException("invalid_character",
                        "The original path has a control, space or non-ASCII character.");
            }
            if (c == '\\') {
                throw new AmbiguousPathException("backslash", "The original path has a backslash.");
            }
            if (NOT_ALLOWED_RAW.indexOf(c) >= 0) {
                throw new AmbiguousPathException("invalid_character",
                        "The original path has a character that must be percent-encoded in a path.");
            }
            if (c == ';') {
                throw new AmbiguousPathException("path_parameter",
                        "The original path has a ';' parameter, which servers read differently.");
            }
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new AmbiguousPathException("control_character", "The original path encodes a control character.");
            }
        }
        int start = 1;
        while (start <= raw.length()) {
            int end = raw.indexOf('/', start);
            end = end < 0 ? raw.length() : end;
            String segment = raw.substring(start, end);
            if (segment.isEmpty() && end < raw.length()) {
                throw new AmbiguousPathException("empty_segment", "The original path has an empty segment ('//').");
            }
            String lower = segment.toLowerCase(Locale.ROOT);
            if (lower.contains("%2f") || lower.contains("%5c")) {
                throw new AmbiguousPathException("encoded_separator", "The original path encodes '/' or '\\'.");
            }
            String value = decodeStrictly(segment);
            if (value.equals(".") || value.equals("..")) {
                throw new AmbiguousPathException("dot_segment", "The original path has a '.' or '..' segment.");
            }
            if (value.endsWith(".") || value.endsWith(" ")) {
                throw new AmbiguousPathException("trailing_dot_or_space",
                        "The original path has a segment ending in '.' or a space, which some servers drop.");
            }
            start = end + 1;
        }
    }

    private static String decodeStrictly(String raw) {
        try {
            return StrictPercentDecoding.decode(raw);
        }
        catch (IllegalArgumentException invalid) {
            throw invalidEncoding();
        }
    }

    private static AmbiguousPathException invalidEncoding() {
        return new AmbiguousPathException("invalid_encoding", "The original path has an invalid percent-encoding.");
    }
}
