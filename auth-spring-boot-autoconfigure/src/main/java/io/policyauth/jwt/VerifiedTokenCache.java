package io.policyauth.jwt;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

import io.policyauth.core.AuthenticatedUser;

/**
 * Users of tokens whose signature and claims were verified, keyed on the exact token string, so
 * that a token seen again skips the asymmetric signature check (about 1 ms for ES256 on JDK 17).
 * An entry is never served at or past its token's {@code exp} nor past the TTL; the caller checks
 * revocation on every hit.
 *
 * <p>Bounded: when full, expired entries are dropped first, then arbitrary ones until an eighth of
 * the room is free. Concurrent inserts may overshoot the bound by at most one entry per inserting
 * thread. Eviction is blunt next to an LFU policy, but it only costs a re-verification, and it
 * keeps this class free of an optional dependency.
 */
final class VerifiedTokenCache {

    private final ConcurrentHashMap<String, Entry> entries;
    private final int maximumSize;
    private final long ttlMillis;
    private final Object evictionLock = new Object();

    VerifiedTokenCache(VerifiedTokenCacheSettings settings) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("the verified-token cache is disabled by these settings");
        }
        this.maximumSize = settings.maximumSize();
        this.ttlMillis = settings.maximumTtl().toMillis();
        this.entries = new ConcurrentHashMap<>(Math.min(maximumSize, 1024));
    }

    /**
     * @param token the token as presented
     * @param nowMillis the current time
     * @return the user of a verified, unexpired token, or {@code null}
     */
    AuthenticatedUser get(String token, long nowMillis) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.expiresAtMillis()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.user();
    }

    /**
     * Remembers a verified token.
     *
     * @param token the token as presented
     * @param user its user, immutable all the way down: it is shared by every later request
     * @param tokenExpiryMillis the token's {@code exp}
     * @param nowMillis the current time
     */
    void put(String token, AuthenticatedUser user, long tokenExpiryMillis, long nowMillis) {
        long expiresAt = Math.min(tokenExpiryMillis, nowMillis + ttlMillis);
        if (expiresAt <= nowMillis) {
            return;
        }
        if (entries.size() >= maximumSize) {
            makeRoom(nowMillis);
        }
        entries.put(token, new Entry(user, expiresAt));
    }

    int size() {
        return entries.size();
    }

    private void makeRoom(long nowMillis) {
        synchronized (evictionLock) {
            if (entries.size() < maximumSize) {
                return;
            }
            entries.values().removeIf(entry -> nowMillis >= entry.expiresAtMillis());
            int target = maximumSize - Math.max(1, maximumSize / 8);
            Iterator<String> victims = entries.keySet().iterator();
            while (entries.size() > target && victims.hasNext()) {
                victims.next();
                victims.remove();
            }
        }
    }

    private record Entry(AuthenticatedUser user, long expiresAtMillis) {
    }
}
