package io.policyauth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.StoreChangeFeed;

/**
 * Tells this instance which keys other instances revoked or rotated out, as the shared token
 * denylist does: the store's change feed is read every {@code refreshInterval} in the background
 * and each changed key is dropped from the cache, so every instance refuses it within that
 * interval. While the feed cannot be read for longer than {@code maxStaleness}, the cache is not
 * trusted ({@link #isCurrent()} is false) and every lookup asks the store.
 * Reads are those of a {@link StoreChangeFeed}: by the store's own clock, never this instance's.
 */
public final class KeyRevocationFeed {

    private final StoreChangeFeed<ApiKeyStore.KeyChange> feed;

    /**
     * @param store the key store whose changes are read
     * @param refreshInterval how often the feed is read
     * @param maxStaleness how long the feed may go unread before the cache is bypassed
     * @param clock this instance's time, for staleness only
     * @param tasks runs the reads
     */
    public KeyRevocationFeed(ApiKeyStore store, Duration refreshInterval, Duration maxStaleness, Clock clock,
            BackgroundTasks tasks) {
        Objects.requireNonNull(store, "store");
        this.feed = new StoreChangeFeed<>("API key revocations", store::latestChange, store::changesSince,
                ApiKeyStore.KeyChange::changedAt, refreshInterval, maxStaleness, clock, tasks);
    }

    /**
     * Starts reading the feed, once; the first read runs on the caller's thread.
     *
     * @param onRevoked told the hash of every key that stopped working early
     */
    void start(Consumer<String> onRevoked) {
        feed.start(change -> onRevoked.accept(change.hash()));
    }

    /**
     * @return whether the feed was read within the maximum staleness, so cached keys can be trusted
     */
    boolean isCurrent() {
        return feed.isCurrent();
    }
}
