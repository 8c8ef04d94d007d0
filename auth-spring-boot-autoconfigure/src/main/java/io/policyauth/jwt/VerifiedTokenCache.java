package io.policyauth.jwt;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.policyauth.cache.SampledReads;
import io.policyauth.core.AuthenticatedUser;

/**
 * Users of tokens whose signature and claims were verified, keyed on the exact token string, so
 * that a token seen again costs a lookup instead of a signature check, a claims parse and the
 * user mapping. Each entry expires at the earlier of its token's {@code exp} and the TTL (a
 * Caffeine {@link Expiry} per entry), and a hit is checked against the clock once more, so none
 * is ever served at or past {@code exp}; the caller checks revocation on every hit. Bounded, with
 * Caffeine's admission policy keeping tokens in use over tokens seen once.
 */
final class VerifiedTokenCache {

    private final Cache<TokenKey, Entry> entries;
    private final SampledReads<TokenKey, Entry> reads;
    private final long ttlMillis;

    /**
     * @param settings the bounds; must be enabled
     * @param ticker the time source of expiry, {@link Ticker#systemTicker()} outside tests
     */
    VerifiedTokenCache(VerifiedTokenCacheSettings settings, Ticker ticker) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("the verified-token cache is disabled by these settings");
        }
        this.ttlMillis = settings.maximumTtl().toMillis();
        // Maintenance on the calling thread: the bound holds at once, and no shared pool is used.
        this.entries = Caffeine.newBuilder().maximumSize(settings.maximumSize()).ticker(ticker)
                .executor(Runnable::run)
                .expireAfter(Expiry.<TokenKey, Entry>creating((token, entry) -> entry.lifetime())).build();
        this.reads = new SampledReads<>(entries);
    }

    /**
     * @param token the token as presented
     * @param nowMillis the current time
     * @return the user of a verified, unexpired token, or {@code null}
     */
    @Nullable AuthenticatedUser get(String token, long nowMillis) {
        TokenKey key = new TokenKey(token);
        Entry entry = reads.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.expiresAtMillis()) {
            entries.asMap().remove(key, entry);
            return null;
        }
        return entry.user();
    }

    /**
     * Whether {@link #get} would find the token now, without counting as a read of it: a reactive
     * front asks this before the request's one {@code get}.
     *
     * @param token the token as presented
     * @param nowMillis the current time
     * @return whether a verified, unexpired entry is held
     */
    boolean holds(String token, long nowMillis) {
        Entry entry = reads.getIfPresentQuietly(new TokenKey(token));
        return entry != null && nowMillis < entry.expiresAtMillis();
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
        if (expiresAt > nowMillis) {
            entries.put(new TokenKey(token), new Entry(user, expiresAt, Duration.ofMillis(expiresAt - nowMillis)));
        }
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private record Entry(AuthenticatedUser user, long expiresAtMillis, Duration lifetime) {
    }

    /*
     * A token as a key, hashed on its last characters only. Every request brings the token as a
     * new string, whose hash String would compute over all of its 300-1,500 characters: a
     * microsecond for an RS256 token under load. A JWT ends in its signature, so those characters
     * tell tokens apart as well as the whole; equality still compares every character. Only
     * verified tokens are stored, so crafted tokens with colliding hashes find no crowded bucket.
     */
    private static final class TokenKey {

        private static final int HASHED = 32;

        private final String token;
        private final int hash;

        TokenKey(String token) {
            this.token = token;
            int h = token.length();
            for (int i = Math.max(0, token.length() - HASHED); i < token.length(); i++) {
                h = 31 * h + token.charAt(i);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenKey key && hash == key.hash && token.equals(key.token);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
