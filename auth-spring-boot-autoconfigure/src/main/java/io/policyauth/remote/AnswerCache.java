package io.policyauth.remote;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Recent authorizer answers by request fingerprint (a hash, never a credential): bounded, least
 * recently used out first, each entry dropped once older than the time to live.
 */
final class AnswerCache {

    private record Entry(AuthorizerAnswer answer, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries;

    /**
     * @param ttl how long an answer is reused, positive
     * @param maxSize the most answers held, positive
     * @param nanoTime the clock, {@link System#nanoTime()} outside tests
     */
    AnswerCache(Duration ttl, int maxSize, LongSupplier nanoTime) {
        if (ttl.isNegative() || ttl.isZero() || maxSize <= 0) {
            throw new IllegalArgumentException("A cache needs a positive time to live and size");
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxSize;
            }
        };
    }

    /**
     * @param fingerprint the request fingerprint
     * @return the answer, or {@code null} when none is held or it expired
     */
    synchronized AuthorizerAnswer get(String fingerprint) {
        Entry entry = entries.get(fingerprint);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(fingerprint);
            return null;
        }
        return entry.answer();
    }

    /**
     * @param fingerprint the request fingerprint
     * @param answer a cacheable answer
     */
    synchronized void put(String fingerprint, AuthorizerAnswer answer) {
        entries.put(fingerprint, new Entry(answer, nanoTime.getAsLong() + ttlNanos));
    }

    synchronized int size() {
        return entries.size();
    }
}
