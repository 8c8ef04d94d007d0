package io.policyauth.core;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/** The closest of some names to a misspelt one, for "did you mean" hints. */
public final class NearestNames {

    private NearestNames() {
    }

    /**
     * @param wanted the name as written
     * @param candidates the valid names
     * @return the candidate at the smallest edit distance, if it is close enough to be a misspelling
     *         (at most two edits, or one in eight characters for long names), else {@code null}
     */
    public static @Nullable String nearest(String wanted, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wanted, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance > 0 && bestDistance <= Math.max(2, wanted.length() / 8) ? best : null;
    }

    /**
     * @param a a name
     * @param b another
     * @return the Levenshtein distance between them
     */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
