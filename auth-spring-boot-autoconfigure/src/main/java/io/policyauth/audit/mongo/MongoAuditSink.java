package io.policyauth.audit.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.OutageLog;
import io.policyauth.core.DecisionListener;

/**
 * Stores every decision in a MongoDB collection whose TTL index on {@code time} keeps it to the
 * retention period. Decisions wait in a bounded queue and are written in batches by one
 * background thread: a request never waits for MongoDB. A full queue drops the decision and a
 * failed write loses the batch; both are counted ({@value #DROPPED}, {@value #FAILED}).
 * Called directly by {@code AuthService} as a {@link DecisionListener}, with no event dispatch.
 */
public final class MongoAuditSink implements DecisionListener, AutoCloseable {

    /** Counter of decisions not stored because the queue was full. */
    public static final String DROPPED = "policyauth.audit.dropped";

    /** Counter of decisions not stored because the write failed. */
    public static final String FAILED = "policyauth.audit.failed";

    private static final Logger log = LoggerFactory.getLogger(MongoAuditSink.class);
    private static final int BATCH_SIZE = 500;
    private static final Duration POLL = Duration.ofMillis(250);

    private final MongoOperations mongo;
    private final String collection;
    private final Duration retention;
    private final Duration writeTimeout;
    /* Decisions, converted when written; other records, as the documents they are. */
    private final BlockingQueue<Object> queue;
    private final Counter dropped;
    private final Counter failed;
    private final OutageLog outages;
    private final Object writeLock = new Object();
    private boolean indexed;

    /**
     * @param mongo where decisions are stored
     * @param collection the collection name
     * @param retention how long decisions are kept
     * @param queueSize most decisions waiting to be written
     * @param writeTimeout time limit of one batch write (and of index creation)
     * @param registry where the counters are registered
     * @param tasks runs the writes
     * @param clock the application's clock, for spacing the warnings about a store that is down
     */
    public MongoAuditSink(MongoOperations mongo, String collection, Duration retention, int queueSize,
            Duration writeTimeout, MeterRegistry registry, BackgroundTasks tasks, Clock clock) {
        if (queueSize < 1) {
            throw new IllegalArgumentException("Audit queue size must be positive, got " + queueSize);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("Audit retention must be positive, got " + retention);
        }
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.collection = collection;
        this.retention = retention;
        this.writeTimeout = writeTimeout;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.outages = new OutageLog(log, "the audit store (MongoDB collection " + collection + ")",
                OutageLog.DEFAULT_INTERVAL, clock);
        this.dropped = Counter.builder(DROPPED).description("Audit decisions not stored: queue full")
                .register(registry);
        this.failed = Counter.builder(FAILED).description("Audit decisions not stored: write failed")
                .register(registry);
        tasks.scheduleRepeatedly("audit writes", POLL, this::writeQueued);
    }

    /**
     * Queues a decision. Never blocks and never throws.
     *
     * @param decision the decision
     */
    @Override
    public void onDecision(AuthDecisionEvent decision) {
        if (!queue.offer(decision)) {
            dropped.increment();
        }
    }

    /**
     * Queues an audit record that is not a decision (a change to a tenant's roles), stored beside the
     * decisions and kept as long. Never blocks and never throws.
     *
     * @param kind what it records, stored as {@code kind}
     * @param time when it happened, stored as {@code time}
     * @param fields the rest of the record
     */
    public void record(String kind, Instant time, Map<String, ?> fields) {
        Document document = new Document("time", Date.from(time)).append("kind", kind);
        fields.forEach(document::append);
        if (!queue.offer(document)) {
            dropped.increment();
        }
    }

    /** Writes what is queued, so that nothing is lost on shutdown. */
    @Override
    public void close() {
        writeQueued();
    }

    /** Writes the queue in batches until it is empty; one writer at a time keeps batches in order. */
    private void writeQueued() {
        synchronized (writeLock) {
            List<Object> batch = new ArrayList<>(BATCH_SIZE);
            while (queue.drainTo(batch, BATCH_SIZE) > 0) {
                write(batch);
                batch.clear();
            }
        }
    }

    private void write(List<Object> batch) {
        try {
            MongoCollection<Document> documents = mongo.getCollection(collection)
                    .withTimeout(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!indexed) {
                documents.createIndex(Indexes.ascending("time"),
                        new IndexOptions().name("time_ttl").expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
                indexed = true;
            }
            documents.insertMany(batch.stream().map(MongoAuditSink::asDocument).toList(),
                    new InsertManyOptions().ordered(false));
            outages.succeeded();
        }
        catch (RuntimeException failure) {
            // Counted every time; said once per interval while the store is down.
            failed.increment(batch.size());
            outages.failed(failure);
        }
    }

    private static Document asDocument(Object record) {
        return record instanceof AuthDecisionEvent decision ? toDocument(decision) : (Document) record;
    }

    private static Document toDocument(AuthDecisionEvent decision) {
        return new Document("time", Date.from(decision.time()))
                .append("policy", decision.policy())
                .append("outcome", decision.outcome().tag())
                .append("reason", decision.reason())
                .append("subject", decision.subject())
                .append("credentialId", decision.credentialId())
                .append("binding", decision.binding())
                .append("tenant", decision.tenant())
                .append("targetTenant", decision.targetTenant())
                .append("client", decision.clientAddress())
                .append("method", decision.method())
                .append("path", decision.path())
                .append("durationMicros", decision.duration().toNanos() / 1_000);
    }
}
