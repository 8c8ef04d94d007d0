package io.policyauth.jwt.mongo;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.PeriodicRefresh;
import io.policyauth.jwt.InMemoryTokenDenylist;
import io.policyauth.jwt.TokenDenylist;

/**
 * Revoked token ids shared by every instance through a MongoDB collection, with a TTL index on
 * the time a token can no longer be accepted (its expiry plus the clock skew), so it never holds
 * more than live tokens. Requests are answered from an in-memory replica that a background thread
 * refreshes every {@code refreshInterval}: another instance's revocation takes effect here within
 * that interval, this instance's at once. If the replica cannot be refreshed for longer than
 * {@code maxStaleness}, token requests get 503 rather than a possibly stale grant.
 * <p>
 * Entries are stamped with the database server's time, never a writer's, so one instance whose
 * clock runs behind cannot hide its revocations from the others' incremental reads. A document
 * that is not a revocation this class wrote is skipped and counted, never a reason to stop
 * refreshing.
 */
public final class MongoTokenDenylist implements TokenDenylist {

    private static final Logger log = LoggerFactory.getLogger(MongoTokenDenylist.class);

    static final String EXPIRES_AT = "expiresAt";
    static final String KEEP_UNTIL = "keepUntil";
    static final String REVOKED_AT = "revokedAt";

    /*
     * Writes commit out of order: each refresh re-reads from a little before the newest server
     * stamp it has seen, so an entry stamped earlier but committed later is not missed.
     */
    private static final Duration COMMIT_OVERLAP = Duration.ofSeconds(30);

    private final MongoOperations mongo;
    private final String collection;
    private final Duration timeout;
    private final Duration clockSkew;
    private final PeriodicRefresh refresh;
    private final InMemoryTokenDenylist replica;
    private final AtomicLong malformedEntries = new AtomicLong();
    private volatile Instant readFrom = Instant.EPOCH;

    /**
     * @param mongo where revocations are stored
     * @param collection the collection name
     * @param timeout time limit of one MongoDB operation
     * @param refreshInterval how often the replica is refreshed
     * @param maxStaleness how old the replica may grow before token requests get 503
     * @param clockSkew how long after its expiry a token is still accepted
     * @param clock the time
     * @param tasks runs the refreshes
     */
    public MongoTokenDenylist(MongoOperations mongo, String collection, Duration timeout, Duration refreshInterval,
            Duration maxStaleness, Duration clockSkew, Clock clock, BackgroundTasks tasks) {
        this.refresh = new PeriodicRefresh("token denylist", refreshInterval, maxStaleness, clock, tasks);
        this.mongo = mongo;
        this.collection = collection;
        this.timeout = timeout;
        this.clockSkew = clockSkew;
        this.replica = new InMemoryTokenDenylist(clockSkew, clock);
    }

    @Override
    public boolean isRevoked(String jti) {
        // Nothing touches MongoDB until a token is checked: an application that never sees one never connects.
        refresh.ensureStarted(this::read);
        if (!refresh.isCurrent()) {
            throw new AuthUnavailableException("denylist_unavailable",
                    "Token revocations cannot be checked right now.", refresh.interval().plusSeconds(1), null);
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
        try {
            documents().updateOne(Filters.eq("_id", jti),
                    Updates.combine(Updates.max(EXPIRES_AT, Date.from(expiresAt)),
                            Updates.max(KEEP_UNTIL, Date.from(expiresAt.plus(clockSkew))),
                            Updates.currentDate(REVOKED_AT)),
                    new UpdateOptions().upsert(true));
        }
        catch (RuntimeException failure) {
            throw new IllegalStateException("Could not record the token revocation in MongoDB", failure);
        }
        replica.revoke(jti, expiresAt);
    }

    /**
     * @return how many documents were skipped because they are not revocations this class wrote
     */
    public long malformedEntries() {
        return malformedEntries.get();
    }

    /** One refresh of the replica, bounded by the timeout. */
    private void read() {
        MongoCollection<Document> documents = documents();
        if (refresh.neverRead()) {
            documents.createIndex(Indexes.ascending(KEEP_UNTIL),
                    new IndexOptions().name("keepUntil_ttl").expireAfter(0L, TimeUnit.SECONDS));
            documents.createIndex(Indexes.ascending(REVOKED_AT), new IndexOptions().name(REVOKED_AT));
        }
        Instant newest = readFrom;
        for (Document entry : documents.find(Filters.gte(REVOKED_AT, Date.from(readFrom)))) {
            Instant revokedAt = apply(entry);
            if (revokedAt != null && revokedAt.isAfter(newest)) {
                newest = revokedAt;
            }
        }
        readFrom = newest.minus(COMMIT_OVERLAP).isAfter(readFrom) ? newest.minus(COMMIT_OVERLAP) : readFrom;
    }

    /** Adds one document to the replica; returns its server stamp, or {@code null} when skipped. */
    private @Nullable Instant apply(Document entry) {
        if (entry.get("_id") instanceof String jti && !jti.isBlank()
                && entry.get(EXPIRES_AT) instanceof Date expiresAt && entry.get(REVOKED_AT) instanceof Date revokedAt) {
            replica.revoke(jti, expiresAt.toInstant());
            return revokedAt.toInstant();
        }
        if (malformedEntries.getAndIncrement() == 0) {
            log.warn("Skipping a document of collection '{}' that is not a token revocation (needs a string _id and "
                    + "dates {} and {}); further ones are counted, not logged", collection, EXPIRES_AT, REVOKED_AT);
        }
        return null;
    }

    private MongoCollection<Document> documents() {
        return mongo.getCollection(collection).withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
