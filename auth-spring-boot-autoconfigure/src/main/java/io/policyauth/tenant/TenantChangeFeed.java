package io.policyauth.tenant;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.StoreChangeFeed;

/**
 * Tells this instance which tenants other instances changed, as the API key revocation feed does:
 * the store's changes are read every {@code refreshInterval} in the background and each changed
 * tenant is dropped from the cache. While the feed cannot be read for longer than
 * {@code maxStaleness}, the cache is not trusted ({@link #isCurrent()} is false) and every read
 * goes to the store. Reads are those of a {@link StoreChangeFeed}, by the store's clock.
 */
public final class TenantChangeFeed {

    private final StoreChangeFeed<TenantRoleStore.TenantStamp> feed;

    /**
     * @param store the store whose changes are read
     * @param refreshInterval how often the feed is read
     * @param maxStaleness how long the feed may go unread before the cache is bypassed
     * @param clock this instance's time, for staleness only
     * @param tasks runs the reads
     */
    public TenantChangeFeed(TenantRoleStore store, Duration refreshInterval, Duration maxStaleness, Clock clock,
            BackgroundTasks tasks) {
        Objects.requireNonNull(store, "store");
        this.feed = new StoreChangeFeed<>("tenant roles", store::latestChange, store::changesSince,
                TenantRoleStore.TenantStamp::changedAt, refreshInterval, maxStaleness, clock, tasks);
    }

    /**
     * Starts reading the feed, once; the first read runs on the caller's thread.
     *
     * @param onChanged told every tenant whose roles or members changed
     */
    void start(Consumer<String> onChanged) {
        feed.start(change -> onChanged.accept(change.tenant()));
    }

    /**
     * @return whether the feed was read within the maximum staleness, so cached roles can be trusted
     */
    boolean isCurrent() {
        return feed.isCurrent();
    }
}
