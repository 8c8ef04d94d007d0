package io.policyauth.jwt.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.jwt.InMemoryTokenDenylist;
import io.policyauth.jwt.TokenDenylist;

/**
 * Revoked token ids shared by every instance through a MongoDB collection, with a TTL index on
 * the tokens' expiry so it never holds more than live tokens. Requests are answered from an
 * in-memory replica that a background thread refreshes every {@code refreshInterval}: another
 * instance's revocation takes effect here within that interval, this instance's at once. If the
 * replica cannot be refreshed for longer than {@code maxStaleness}, token requests get 503 rather
 * than a possibly stale grant.
 */
public final class MongoTokenDenylist implements TokenDenylist, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoTokenDenylist.class);

    /*
     * Instances' clocks differ: each refresh re-reads revocations from a little before the last
     * one, so an entry stamped by a clock that runs behind is not missed.
     */
    private static final Duration CLOCK_OVERLAP = Duration.ofSeconds(30);

    private final MongoOperations mongo;
    private final String collection;
    private final Duration timeout;
    private final Duration refreshInterval;
    private final Duration maxStaleness;
    private final Clock clock;
    private final InMemoryTokenDenylist replica;
    private final Object startLock = new Object();
    private volatile Instant lastRefresh;
    private volatile Instant readFrom = Instant.EPOCH;
    private volatile ScheduledExecutorService refresher;

    /**
     * @param mongo where revocations are stored
     * @param collection the collection name
     * @param timeout time limit of one MongoDB operation
     * @param refreshInterval how often the replica is refreshed
     * @param maxStaleness how old the replica may grow before token requests get 503
     * @param clock the time
     */
    public MongoTokenDenylist(MongoOperations mongo, String collection, Duration timeout, Duration refreshInterval,
            Duration maxStaleness, Clock clock) {
        if (refreshInterval.isNegative() || refreshInterval.isZero() || maxStaleness.compareTo(refreshInterval) < 0) {
            throw new IllegalArgumentException("The denylist refresh interval must be positive and at most the "
                    + "maximum staleness, got " + refreshInterval + " and " + maxStaleness);
        }
        this.mongo = mongo;
        this.collection = collection;
        this.timeout = timeout;
        this.refreshInterval = refreshInterval;
        this.maxStaleness = maxStaleness;
        this.clock = clock;
        this.replica = new InMemoryTokenDenylist(clock);
    }

    @Override
    public boolean isRevoked(String jti) {
        ensureStarted();
        Instant refreshed = lastRefresh;
        if (refreshed == null || refreshed.plus(maxStaleness).isBefore(clock.instant())) {
            throw new AuthUnavailableException("denylist_unavailable",
                    "Token revocations cannot be checked right now.", refreshInterval.plusSeconds(1), null);
        }
        return replica.isRevoked(jti);
    }

    /**
     * Records a revocation for every instance, then applies it here at once.
     *
     * @throws IllegalStateException when MongoDB cannot record it (nothing is revoked then)
     */
    @Override
    public void revoke(String jti, Instant expiresAt) {
        TokenDenylist.requireRevocable(jti, expiresAt);
        Document entry = new Document("_id", jti).append("expiresAt", Date.from(expiresAt))
                .append("revokedAt", Date.from(clock.instant()));
        try {
            documents().replaceOne(Filters.eq("_id", jti), entry, new ReplaceOptions().upsert(true));
        }
        catch (RuntimeException failure) {
            throw new IllegalStateException("Could not record the token revocation in MongoDB", failure);
        }
        replica.revoke(jti, expiresAt);
    }

    /** Stops the background refresh. */
    @Override
    public void close() {
        synchronized (startLock) {
            if (refresher != null) {
                refresher.shutdownNow();
            }
        }
    }

    /*
     * Nothing touches MongoDB until a token is checked: an application that never sees a token
     * never connects. The first check loads the list on the request thread (bounded by the
     * timeout); refreshes then run in the background.
     */
    private void ensureStarted() {
        if (refresher != null) {
            return;
        }
        synchronized (startLock) {
            if (refresher != null) {
                return;
            }
            refresh();
            ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "policy-auth-token-denylist");
                thread.setDaemon(true);
                return thread;
            });
            long millis = refreshInterval.toMillis();
            started.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
            refresher = started;
        }
    }

    private void refresh() {
        Instant started = clock.instant();
        try {
            MongoCollection<Document> documents = documents();
            if (lastRefresh == null) {
                documents.createIndex(Indexes.ascending("expiresAt"),
                        new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
                documents.createIndex(Indexes.ascending("revokedAt"), new IndexOptions().name("revokedAt"));
            }
            for (Document entry : documents.find(Filters.gte("revokedAt", Date.from(readFrom)))) {
                replica.revoke(entry.getString("_id"), entry.getDate("expiresAt").toInstant());
            }
            readFrom = started.minus(CLOCK_OVERLAP);
            lastRefresh = started;
        }
        catch (RuntimeException failure) {
            log.warn("Could not refresh the token denylist from MongoDB (last refresh: {}): {}", lastRefresh,
                    failure.toString());
        }
    }

    private MongoCollection<Document> documents() {
        return mongo.getCollection(collection).withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
