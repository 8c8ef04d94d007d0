package io.policyauth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.PeriodicRefresh;

/**
 * Tells this instance which keys other instances revoked or rotated out, as the shared token
 * denylist does: the store's change feed is read every {@code refreshInterval} in the background
 * and each changed key is dropped from the cache, so every instance refuses it within that
 * interval. While the feed cannot be read for longer than {@code maxStaleness}, the cache is not
 * trusted ({@link #isCurrent()} is false) and every lookup asks the store.
 * <p>
 * Reads are incremental by the store's own clock, never this instance's, and start from the
 * newest change when the feed starts: the cache is empty then, so nothing older matters.
 */
public final class KeyRevocationFeed {

    /*
     * Writes commit out of order: each read starts a little before the newest stamp seen, so a
     * change stamped earlier but committed later is not missed.
     */
    private static final Duration COMMIT_OVERLAP = Duration.ofSeconds(30);

    private final ApiKeyStore store;
    private final PeriodicRefresh refresh;
    private volatile @Nullable Instant readFrom;

    /**
     * @param store the key store whose changes are read
     * @param refreshInterval how often the feed is read
     * @param maxStaleness how long the feed may go unread before the cache is bypassed
     * @param clock this instance's time, for staleness only
     * @param tasks runs the reads
     */
    public KeyRevocationFeed(ApiKeyStore store, Duration refreshInterval, Duration maxStaleness, Clock clock,
            BackgroundTasks tasks) {
        this.refresh = new PeriodicRefresh("API key revocations", refreshInterval, maxStaleness, clock, tasks);
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Starts reading the feed, once; the first read runs on the caller's thread.
     *
     * @param onRevoked told the hash of every key that stopped working early
     */
    void start(Consumer<String> onRevoked) {
        refresh.ensureStarted(() -> read(onRevoked));
    }

    /**
     * @return whether the feed was read within the maximum staleness, so cached keys can be trusted
     */
    boolean isCurrent() {
        return refresh.isCurrent();
    }

    private void read(Consumer<String> onRevoked) {
        Instant from = readFrom;
        if (from == null) {
            readFrom = store.latestChange().map(latest -> latest.minus(COMMIT_OVERLAP)).orElse(Instant.EPOCH);
            return;
        }
        List<ApiKeyStore.KeyChange> changes = store.changesSince(from);
        for (ApiKeyStore.KeyChange change : changes) {
            onRevoked.accept(change.hash());
        }
        if (!changes.isEmpty()) {
            Instant newest = changes.get(changes.size() - 1).changedAt().minus(COMMIT_OVERLAP);
            readFrom = newest.isAfter(from) ? newest : from;
        }
    }
}
