package io.policyauth.core;

/**
 * Matches a granted scope against a required one, segment by segment on {@code :}. A granted
 * segment {@code *} matches any one segment; a granted scope ending in {@code *} also matches
 * any further segments. So {@code orders:*} grants {@code orders:write} and {@code orders:items:read},
 * and {@code *:*} grants everything. Required scopes are literal: they never contain {@code *}.
 */
public final class ScopeMatcher {

    private static final char SEPARATOR = ':';
    private static final String WILDCARD = "*";

    private ScopeMatcher() {
    }

    /**
     * @param granted a scope the caller holds, possibly with wildcards
     * @param required a literal scope an endpoint needs
     * @return whether {@code granted} covers {@code required}
     */
    public static boolean grants(String granted, String required) {
        if (granted.equals(required)) {
            return true;
        }
        if (granted.indexOf('*') < 0) {
            return false;
        }
        String[] grantedSegments = granted.split(String.valueOf(SEPARATOR), -1);
        String[] requiredSegments = required.split(String.valueOf(SEPARATOR), -1);
        int last = grantedSegments.length - 1;
        for (int i = 0; i <= last; i++) {
            String segment = grantedSegments[i];
            if (i == last && WILDCARD.equals(segment)) {
                return requiredSegments.length >= last;
            }
            if (i >= requiredSegments.length || !(WILDCARD.equals(segment) || segment.equals(requiredSegments[i]))) {
                return false;
            }
        }
        return requiredSegments.length == grantedSegments.length;
    }

    /**
     * @param scope a required scope
     * @return whether it holds a wildcard, which a required scope must not
     */
    public static boolean hasWildcard(String scope) {
        return scope.indexOf('*') >= 0;
    }
}
