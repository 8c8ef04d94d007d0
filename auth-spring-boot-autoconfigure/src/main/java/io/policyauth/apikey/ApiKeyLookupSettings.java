package io.policyauth.apikey;

import java.time.Duration;

/**
 * The bounds of {@link ApiKeyLookup}.
 *
 * @param ttl how long a found key is served from the cache; zero or negative turns the cache off
 * @param negativeTtl how long an unknown hash is remembered; zero or negative does not remember
 * @param maxSize most entries held; zero turns the cache off
 * @param maxConcurrentLookups most store queries waiting at once; positive
 */
public record ApiKeyLookupSettings(Duration ttl, Duration negativeTtl, long maxSize, int maxConcurrentLookups) {

    /** The default bound on concurrent store queries. */
    public static final int DEFAULT_MAX_CONCURRENT_LOOKUPS = 32;

    public ApiKeyLookupSettings {
        ttl = isPositive(ttl) ? ttl : Duration.ZERO;
        negativeTtl = isPositive(negativeTtl) ? negativeTtl : Duration.ZERO;
        if (maxConcurrentLookups < 1) {
            throw new IllegalArgumentException("The most concurrent API key lookups must be positive, got "
                    + maxConcurrentLookups);
        }
    }

    /**
     * @return whether found keys are cached
     */
    public boolean caching() {
        return isPositive(ttl) && maxSize > 0;
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
