package io.policyauth.apikey;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Finds keys by hash through a bounded Caffeine cache: found keys for {@code ttl}, unknown hashes
 * for {@code negativeTtl}. Store failures propagate and are never cached, so the next request
 * asks the store again. Concurrent lookups of one hash share a single store query. A cached key's
 * state (revoked, expired) is still checked by the caller on every request.
 */
public final class ApiKeyLookup {

    private final ApiKeyStore store;
    private final Cache<String, Optional<StoredApiKey>> cache;

    /**
     * @param store the key store
     * @param ttl how long a found key is served from the cache; zero or negative turns the cache off
     * @param negativeTtl how long an unknown hash is remembered; zero or negative does not remember
     * @param maxSize most entries held
     */
    public ApiKeyLookup(ApiKeyStore store, Duration ttl, Duration negativeTtl, long maxSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.cache = isPositive(ttl) && maxSize > 0 ? Caffeine.newBuilder().maximumSize(maxSize)
                .expireAfter(new PerOutcomeExpiry(ttl, isPositive(negativeTtl) ? negativeTtl : Duration.ZERO))
                .build() : null;
    }

    /**
     * @param hash the SHA-256 of a presented key
     * @return the stored key, whatever its state, or empty when the hash is unknown
     * @throws ApiKeyStoreException when the store cannot answer (not cached)
     */
    public Optional<StoredApiKey> find(String hash) {
        if (cache == null) {
            return store.findByHash(hash);
        }
        return cache.get(hash, store::findByHash);
    }

    /**
     * Forgets what is cached for a hash. A lookup of that hash in flight is waited for, so a value
     * read before a change made by the caller is not left behind.
     *
     * @param hash the SHA-256 of a key
     */
    public void invalidate(String hash) {
        if (cache != null) {
            cache.invalidate(hash);
        }
    }

    /** Forgets everything cached. */
    public void invalidateAll() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    /**
     * @return whether a cache is in front of the store
     */
    public boolean isCaching() {
        return cache != null;
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private record PerOutcomeExpiry(Duration found, Duration unknown) implements Expiry<String, Optional<StoredApiKey>> {

        @Override
        public long expireAfterCreate(String hash, Optional<StoredApiKey> value, long currentTime) {
            return (value.isPresent() ? found : unknown).toNanos();
        }

        @Override
        public long expireAfterUpdate(String hash, Optional<StoredApiKey> value, long currentTime,
                long currentDuration) {
            return expireAfterCreate(hash, value, currentTime);
        }

        @Override
        public long expireAfterRead(String hash, Optional<StoredApiKey> value, long currentTime,
                long currentDuration) {
            return currentDuration;
        }
    }
}
