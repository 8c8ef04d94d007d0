package io.policyauth.jwt;

import java.time.Duration;
import java.util.Objects;

/**
 * How a JWK Set is fetched and cached.
 *
 * @param cacheTtl how long a fetched set is used
 * @param refreshAhead how long before expiry the set is refreshed in the background
 * @param minRefetchInterval shortest interval between two fetches triggered by unknown keys
 * @param connectTimeout connect timeout of a fetch
 * @param readTimeout read timeout of a fetch
 * @param sizeLimit largest accepted response, in bytes
 */
public record JwkSetOptions(Duration cacheTtl, Duration refreshAhead, Duration minRefetchInterval,
        Duration connectTimeout, Duration readTimeout, int sizeLimit) {

    /** Default largest JWK Set response: generous for a few dozen keys, small enough to not hurt. */
    public static final int DEFAULT_SIZE_LIMIT = 64 * 1024;

    public JwkSetOptions {
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(refreshAhead, "refreshAhead");
        Objects.requireNonNull(minRefetchInterval, "minRefetchInterval");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (sizeLimit <= 0) {
            throw new IllegalArgumentException("sizeLimit must be positive");
        }
        if (refreshAhead.plus(connectTimeout).plus(readTimeout).compareTo(cacheTtl) >= 0) {
            throw new IllegalArgumentException("cache TTL (" + cacheTtl + ") must exceed refresh-ahead ("
                    + refreshAhead + ") plus the connect and read timeouts");
        }
    }

    /**
     * The defaults: 5 min cache, refreshed 30 s ahead, refetch at most every 30 s, 500 ms connect
     * and 1 s read timeouts, 64 KiB.
     *
     * @return the defaults
     */
    public static JwkSetOptions defaults() {
        return new JwkSetOptions(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofMillis(500), Duration.ofSeconds(1), DEFAULT_SIZE_LIMIT);
    }
}
