package io.policyauth.apikey;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.policyauth.cache.SampledReads;

/**
 * Finds keys by hash through a bounded Caffeine cache: found keys for {@code ttl}, unknown hashes
 * for {@code negativeTtl}. Store failures propagate and are never cached, so the next request
 * asks the store again. Concurrent lookups of one hash share a single store query. A cached key's
 * state (revoked, expired) is still checked by the caller on every request.
 * <p>
 * Defences against a flood of well-formed unknown keys (anyone can compute the checksum):
 * <ul>
 * <li>at most {@code maxConcurrentLookups} store queries wait at once; a lookup beyond that is
 * refused without a query ({@link ApiKeyLookupRejectedException}, counted as {@value #REJECTED});</li>
 * <li>cached keys never wait for a permit, and a found key in use is reloaded in the background
 * before it expires, so a key holder keeps being answered from the cache during a flood;</li>
 * <li>Caffeine's admission policy keeps keys seen often over keys seen once.</li>
 * </ul>
 * Other instances' revocations reach the cache through a {@link KeyRevocationFeed}; while it is
 * behind, the cache is bypassed.
 */
public final class ApiKeyLookup {

    /** Counter of lookups refused because every permit was taken. */
    public static final String REJECTED = "policyauth.apikey.lookups.rejected";

    private final ApiKeyStore store;
    private final LoadingCache<String, Optional<FoundKey>> cache;
    private final @Nullable SampledReads<String, Optional<FoundKey>> reads;
    private final KeyRevocationFeed revocations;
    private final Semaphore permits;
    private final int maxConcurrentLookups;
    private final Counter rejected;

    /**
     * @param store the key store
     * @param settings cache and concurrency bounds
     * @param revocations other instances' revocations, or {@code null} when the cache is off or the
     *        application runs one instance
     * @param registry where refusals are counted
     */
    public ApiKeyLookup(ApiKeyStore store, ApiKeyLookupSettings settings, @Nullable KeyRevocationFeed revocations,
            MeterRegistry registry) {
        this.store = Objects.requireNonNull(store, "store");
        this.cache = settings.caching() ? Caffeine.newBuilder().maximumSize(settings.maxSize())
                .expireAfter(new PerOutcomeExpiry(settings.ttl(), settings.negativeTtl()))
                .refreshAfterWrite(halfOf(settings.ttl()))
                // A reload runs on the thread that found the entry due, never on a shared pool.
                .executor(Runnable::run)
                .build(new KeyLoader(store)) : null;
        this.reads = cache == null ? null : new SampledReads<>(cache);
        this.revocations = revocations;
        this.maxConcurrentLookups = settings.maxConcurrentLookups();
        this.permits = new Semaphore(maxConcurrentLookups);
        this.rejected = Counter.builder(REJECTED)
                .description("API key lookups refused without a query: every concurrent lookup was in use")
                .register(registry);
    }

    /**
     * @param hash the SHA-256 of a presented key
     * @return the key found, whatever its state, or empty when the hash is unknown
     * @throws ApiKeyLookupRejectedException when too many lookups wait on the store already
     * @throws ApiKeyStoreException when the store cannot answer (not cached)
     */
    public Optional<FoundKey> find(String hash) {
        if (cache == null || !cacheIsCurrent()) {
            return guarded(() -> store.findByHash(hash).map(FoundKey::new));
        }
        Optional<FoundKey> cached = reads.getIfFresh(hash);
        if (cached == null) {
            // Read from the cache itself: a read of an entry due for a reload starts the reload.
            cached = cache.getIfPresent(hash);
        }
        return cached != null ? cached : guarded(() -> cache.get(hash));
    }

    /**
     * What {@link #find} answers for this hash from memory now, read as {@code find} reads it: when
     * it is cached and not due for a reload (which runs on the calling thread), and the revocation
     * feed is current. Never loads.
     *
     * @param hash the SHA-256 of a presented key
     * @return the key found, or empty when the hash is known to be unknown; {@code null} when
     *         finding it needs the store
     */
    public @Nullable Optional<FoundKey> findInMemory(String hash) {
        return reads == null || (revocations != null && !revocations.isCurrent()) ? null : reads.getIfFresh(hash);
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

    /**
     * @return whether a cache is in front of the store
     */
    public boolean isCaching() {
        return cache != null;
    }

    private static Duration halfOf(Duration ttl) {
        Duration half = ttl.dividedBy(2);
        return half.isZero() ? ttl : half;
    }

    private boolean cacheIsCurrent() {
        if (revocations == null) {
            return true;
        }
        revocations.start(this::invalidate);
        return revocations.isCurrent();
    }

    private <T> T guarded(Supplier<T> lookup) {
        if (!permits.tryAcquire()) {
            rejected.increment();
            throw new ApiKeyLookupRejectedException(maxConcurrentLookups);
        }
        try {
            return lookup.get();
        }
        finally {
            permits.release();
        }
    }

    /** Loads keys; reloads only found ones, so an unknown key seen again never costs a query. */
    private record KeyLoader(ApiKeyStore store) implements CacheLoader<String, Optional<FoundKey>> {

        @Override
        public Optional<FoundKey> load(String hash) {
            return store.findByHash(hash).map(FoundKey::new);
        }

        /*
         * A failed reload drops the entry (null), so that the next request asks the store as any
         * miss does: an outage is never papered over by a cached key, and never logged per read.
         */
        @Override
        public @Nullable Optional<FoundKey> reload(String hash, Optional<FoundKey> old) {
            if (old.isEmpty()) {
                return old;
            }
            try {
                return load(hash);
            }
            catch (ApiKeyStoreException unavailable) {
                return null;
            }
        }
    }

    private record PerOutcomeExpiry(Duration found, Duration unknown)
            implements Expiry<String, Optional<FoundKey>> {

        @Override
        public long expireAfterCreate(String hash, Optional<FoundKey> value, long currentTime) {
            return (value.isPresent() ? found : unknown).toNanos();
        }

        @Override
        public long expireAfterUpdate(String hash, Optional<FoundKey> value, long currentTime,
                long currentDuration) {
            // An unknown key "reloaded" without a query keeps its first expiry.
            return value.isPresent() ? found.toNanos() : currentDuration;
        }

        @Override
        public long expireAfterRead(String hash, Optional<FoundKey> value, long currentTime,
                long currentDuration) {
            return currentDuration;
        }
    }
}
