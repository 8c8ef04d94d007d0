package io.policyauth.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A path into a token's claims: segments separated by dots walk into nested JSON objects
 * ({@code realm_access.roles}, {@code resource_access.orders-api.roles}). A segment in square
 * brackets is taken as it is, dots included, for claim names that contain them
 * ({@code [https://example.com/roles]}, as Auth0 namespaces custom claims); a colon is an
 * ordinary character ({@code cognito:groups}).
 *
 * @param segments the claim names from the outermost in
 */
public record ClaimPath(List<String> segments) {

    public ClaimPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("A claim path needs at least one non-empty segment");
        }
    }

    /**
     * @param path for example {@code realm_access.roles} or {@code [https://example.com/roles]}
     * @return the path
     * @throws IllegalArgumentException for an empty segment or an unclosed bracket
     */
    public static ClaimPath parse(String path) {
        List<String> segments = new ArrayList<>();
        int i = 0;
        String text = path.strip();
        while (i < text.length()) {
            int end;
            if (text.charAt(i) == '[') {
                end = text.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed '[' in claim path '" + path + "'");
                }
                segments.add(text.substring(i + 1, end));
                end++;
            }
            else {
                end = text.indexOf('.', i);
                end = end < 0 ? text.length() : end;
                segments.add(text.substring(i, end));
            }
            if (end < text.length() && text.charAt(end) != '.') {
                throw new IllegalArgumentException("Expected '.' after ']' in claim path '" + path + "'");
            }
            i = end + 1;
            if (end == text.length() - 1) {
                throw new IllegalArgumentException("Claim path '" + path + "' ends with '.'");
            }
        }
        return new ClaimPath(segments);
    }

    /**
     * @return whether the path names one top-level claim
     */
    public boolean isTopLevel() {
        return segments.size() == 1;
    }

    /**
     * @param claims a token's claims
     * @return the value at this path, or {@code null} when a segment is missing or not an object
     */
    public @Nullable Object resolve(Map<String, Object> claims) {
        Object value = claims.get(segments.get(0));
        for (int i = 1; i < segments.size() && value != null; i++) {
            value = value instanceof Map<?, ?> object ? object.get(segments.get(i)) : null;
        }
        return value;
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }
}
