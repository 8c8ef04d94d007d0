package io.policyauth.tenant;

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
 * Tells this instance which tenants other instances changed, as the API key revocation feed does:
 * the store's changes are read every {@code refreshInterval} in the background and each changed
 * tenant is dropped from the cache. While the feed cannot be read for longer than
 * {@code maxStaleness}, the cache is not trusted ({@link #isCurrent()} is false) and every read
 * goes to the store. Reads are incremental by the store's clock and start from its newest change.
 */
public final class TenantChangeFeed {

    /* Writes commit out of order: each read starts a little before the newest stamp seen. */
    private static final Duration COMMIT_OVERLAP = Duration.ofSeconds(30);

    private final TenantRoleStore store;
    private final PeriodicRefresh refresh;
    private volatile @Nullable Instant readFrom;

    /**
     * @param store the store whose changes are read
     * @param refreshInterval how often the feed is read
     * @param maxStaleness how long the feed may go unread before the cache is bypassed
     * @param clock this instance's time, for staleness only
     * @param tasks runs the reads
     */
    public TenantChangeFeed(TenantRoleStore store, Duration refreshInterval, Duration maxStaleness, Clock clock,
            BackgroundTasks tasks) {
        this.store = Objects.requireNonNull(store, "store");
        this.refresh = new PeriodicRefresh("tenant roles", refreshInterval, maxStaleness, clock, tasks);
    }

    /**
     * Starts reading the feed, once; the first read runs on the caller's thread.
     *
     * @param onChanged told every tenant whose roles or members changed
     */
    void start(Consumer<String> onChanged) {
        refresh.ensureStarted(() -> read(onChanged));
    }

    /**
     * @return whether the feed was read within the maximum staleness, so cached roles can be trusted
     */
    boolean isCurrent() {
        return refresh.isCurrent();
    }

    private void read(Consumer<String> onChanged) {
        Instant from = readFrom;
        if (from == null) {
            readFrom = store.latestChange().map(latest -> latest.minus(COMMIT_OVERLAP)).orElse(Instant.EPOCH);
            return;
        }
        List<TenantRoleStore.TenantStamp> changes = store.changesSince(from);
        for (TenantRoleStore.TenantStamp change : changes) {
            onChanged.accept(change.tenant());
        }
        if (!changes.isEmpty()) {
            Instant newest = changes.get(changes.size() - 1).changedAt().minus(COMMIT_OVERLAP);
            readFrom = newest.isAfter(from) ? newest : from;
        }
    }
}
