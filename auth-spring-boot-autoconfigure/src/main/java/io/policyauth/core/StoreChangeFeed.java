package io.policyauth.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Reads a shared store's changes on the store's own clock, every {@code refreshInterval} in the
 * background (a {@link PeriodicRefresh}), so that each instance drops what other instances changed
 * from its local copy within that interval. Reads are incremental and start from the store's newest
 * change when the feed starts: the local copy is empty then, so nothing older matters.
 *
 * @param <T> a change, with its stamp
 */
public final class StoreChangeFeed<T> {

    /*
     * Writes commit out of order: each read starts a little before the newest stamp seen, so a
     * change stamped earlier but committed later is not missed.
     */
    private static final Duration COMMIT_OVERLAP = Duration.ofSeconds(30);

    private final Supplier<Optional<Instant>> latestChange;
    private final Function<Instant, List<T>> changesSince;
    private final Function<T, Instant> stampOf;
    private final PeriodicRefresh refresh;
    private volatile @Nullable Instant readFrom;

    /**
     * @param name what changes, for logs
     * @param latestChange the stamp of the store's newest change, if any
     * @param changesSince the changes stamped at or after a stamp, oldest first
     * @param stampOf a change's stamp
     * @param refreshInterval how often the store is read
     * @param maxStaleness how long reads may fail before the local copy stops being current
     * @param clock this instance's time, for staleness only
     * @param tasks runs the reads
     */
    public StoreChangeFeed(String name, Supplier<Optional<Instant>> latestChange,
            Function<Instant, List<T>> changesSince, Function<T, Instant> stampOf, Duration refreshInterval,
            Duration maxStaleness, Clock clock, BackgroundTasks tasks) {
        this.latestChange = Objects.requireNonNull(latestChange, "latestChange");
        this.changesSince = Objects.requireNonNull(changesSince, "changesSince");
        this.stampOf = Objects.requireNonNull(stampOf, "stampOf");
        this.refresh = new PeriodicRefresh(name, refreshInterval, maxStaleness, clock, tasks);
    }

    /**
     * Starts reading, once; the first read runs on the caller's thread.
     *
     * @param onChange told every change read
     */
    public void start(Consumer<T> onChange) {
        refresh.ensureStarted(() -> read(onChange));
    }

    /**
     * @return whether the store was read within the maximum staleness, so the local copy can be trusted
     */
    public boolean isCurrent() {
        return refresh.isCurrent();
    }

    private void read(Consumer<T> onChange) {
        Instant from = readFrom;
        if (from == null) {
            readFrom = latestChange.get().map(latest -> latest.minus(COMMIT_OVERLAP)).orElse(Instant.EPOCH);
            return;
        }
        List<T> changes = changesSince.apply(from);
        for (T change : changes) {
            onChange.accept(change);
        }
        if (!changes.isEmpty()) {
            Instant newest = stampOf.apply(changes.get(changes.size() - 1)).minus(COMMIT_OVERLAP);
            readFrom = newest.isAfter(from) ? newest : from;
        }
    }
}
