package io.policyauth.network;

import org.jspecify.annotations.Nullable;
import java.util.Arrays;

/**
 * The syntax of proxy headers: RFC 7239 {@code Forwarded} elements and the node (address with
 * optional port) that both {@code Forwarded: for=} and {@code X-Forwarded-For} carry. Works on
 * offsets into the header value so that nothing is copied.
 */
final class ForwardedSyntax {

    /** The offsets that mark an element without a usable {@code for=} value. */
    static final int NO_VALUE = -1;

    private ForwardedSyntax() {
    }

    /**
     * Finds the {@code for=} value of every element of one {@code Forwarded} header line.
     *
     * @param line the header value
     * @return start and end offsets of each element's {@code for=} value (inside quotes, if quoted),
     *         two entries per element in order; {@link #NO_VALUE} twice for an element without one
     *         or with an escaped one; {@code null} when the line is not valid RFC 7239 syntax, since
     *         element boundaries past an error cannot be trusted
     */
    static int @Nullable [] forValues(String line) {
        int[] spans = new int[8];
        int count = 0;
        int forStart = NO_VALUE;
        int forEnd = NO_VALUE;
        boolean forSeen = false;
        int length = line.length();
        int i = skipWhitespace(line, 0);
        while (true) {
            if (i < length && line.charAt(i) != ';' && line.charAt(i) != ',') {
                int nameStart = i;
                while (i < length && isTokenChar(line.charAt(i))) {
                    i++;
                }
                if (i == nameStart || i == length || line.charAt(i) != '=') {
                    return null;
                }
                boolean isFor = i - nameStart == 3 && line.regionMatches(true, nameStart, "for", 0, 3);
                int valueStart = ++i;
                int valueEnd;
                boolean escaped = false;
                if (i < length && line.charAt(i) == '"') {
                    valueStart = ++i;
                    while (i < length && line.charAt(i) != '"') {
                        if (line.charAt(i) == '\\') {
                            escaped = true;
                            i++;
                        }
                        i++;
                    }
                    if (i >= length) {
                        return null; // unterminated quoted string
                    }
                    valueEnd = i++;
                }
                else {
                    while (i < length && isTokenChar(line.charAt(i))) {
                        i++;
                    }
                    valueEnd = i;
                    if (valueEnd == valueStart) {
                        return null;
                    }
                }
                if (isFor) {
                    if (forSeen) {
                        return null; // two for= in one element: which one is the hop?
                    }
                    forSeen = true;
                    if (!escaped) { // an address never needs escaping
                        forStart = valueStart;
                        forEnd = valueEnd;
                    }
                }
                i = skipWhitespace(line, i);
            }
            if (i < length && line.charAt(i) == ';') {
                i = skipWhitespace(line, i + 1);
                continue;
            }
            if (i < length && line.charAt(i) != ',') {
                return null;
            }
            if (count == spans.length) {
                spans = Arrays.copyOf(spans, count * 2);
            }
            spans[count++] = forStart;
            spans[count++] = forEnd;
            if (i == length) {
                return count == spans.length ? spans : Arrays.copyOf(spans, count);
            }
            forStart = NO_VALUE;
            forEnd = NO_VALUE;
            forSeen = false;
            i = skipWhitespace(line, i + 1);
        }
    }

    /**
     * Parses a node: an IPv4 literal with an optional port ({@code 192.0.2.1:8080}), a bracketed
     * IPv6 literal with an optional port ({@code [2001:db8::1]:8080}) or a bare IPv6 literal. A port
     * may be obfuscated ({@code _a1}). Identifiers ({@code unknown}, {@code _hidden}) are not
     * addresses.
     *
     * @return the address bytes, IPv4-mapped normalized to IPv4, or {@code null} when not a node
     *         with an address
     */
    static byte @Nullable [] parseNode(String text, int from, int to) {
        if (from >= to) {
            return null;
        }
        if (text.charAt(from) == '[') {
            int close = indexOf(text, from, to, ']');
            if (close < 0 || !contains(text, from + 1, close, ':')) {
                return null;
            }
            if (close + 1 < to && (text.charAt(close + 1) != ':' || !isPort(text, close + 2, to))) {
                return null;
            }
            return IpAddresses.parse(text, from + 1, close);
        }
        int colon = indexOf(text, from, to, ':');
        if (colon >= 0 && indexOf(text, colon + 1, to, ':') < 0) {
            // One colon: an IPv6 literal has at least two, so this is IPv4 with a port.
            byte[] address = IpAddresses.parseExact(text, from, colon);
            return address != null && address.length == 4 && isPort(text, colon + 1, to) ? address : null;
        }
        return IpAddresses.parse(text, from, to);
    }

    /** Skips the optional white space (OWS) of RFC 9110: spaces and horizontal tabs. */
    static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** RFC 7239 {@code node-port}: 1-5 digits up to 65535, or {@code _} and an obfuscated value. */
    private static boolean isPort(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        if (text.charAt(from) == '_') {
            for (int i = from + 1; i < to; i++) {
                char c = text.charAt(i);
                if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                    return false;
                }
            }
            return to - from > 1;
        }
        if (to - from > 5) {
            return false;
        }
        int port = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65_535;
    }

    /** RFC 9110 {@code tchar}. */
    private static boolean isTokenChar(char c) {
        return isAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean contains(String text, int from, int to, char c) {
        return indexOf(text, from, to, c) >= 0;
    }

    private static int indexOf(String text, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
