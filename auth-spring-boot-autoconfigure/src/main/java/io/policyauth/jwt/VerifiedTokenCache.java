package io.policyauth.jwt;

import org.jspecify.annotations.Nullable;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

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

    private final Cache<String, Entry> entries;
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
                .expireAfter(Expiry.<String, Entry>creating((token, entry) -> entry.lifetime())).build();
    }

    /**
     * @param token the token as presented
     * @param nowMillis the current time
     * @return the user of a verified, unexpired token, or {@code null}
     */
    @Nullable AuthenticatedUser get(String token, long nowMillis) {
        Entry entry = entries.getIfPresent(token);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.expiresAtMillis()) {
            entries.asMap().remove(token, entry);
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
        if (expiresAt > nowMillis) {
            entries.put(token, new Entry(user, expiresAt, Duration.ofMillis(expiresAt - nowMillis)));
        }
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private record Entry(AuthenticatedUser user, long expiresAtMillis, Duration lifetime) {
    }
}
