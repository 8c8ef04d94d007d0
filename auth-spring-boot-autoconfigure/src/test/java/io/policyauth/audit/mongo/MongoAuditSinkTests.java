package io.policyauth.audit.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.apikey.mongo.SilentServer;
import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.Outcome;

class MongoAuditSinkTests {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private final List<AutoCloseable> closeLast = new ArrayList<>();
    private final BackgroundTasks tasks = new BackgroundTasks(1);

    {
        tasks.start();
        closeLast.add(tasks);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closeLast) {
            closeable.close();
        }
        mongo.close();
    }

    @Test
    void decisionsAreStoredWithATtlIndexForRetention() {
        MongoTemplate template = mongo.template();
        MongoAuditSink sink = sink(template, 100, Duration.ofSeconds(2));

        sink.onDecision(decision("alice", Outcome.GRANTED, null));
        sink.onDecision(decision(null, Outcome.UNAUTHENTICATED, "token_expired"));

        await().atMost(Duration.ofSeconds(10)).until(() -> template.getCollection("auth_audit").countDocuments() == 2);
        Document granted = template.getCollection("auth_audit").find(new Document("outcome", "granted")).first();
        assertThat(granted).containsEntry("policy", "private").containsEntry("subject", "alice")
                .containsEntry("credentialId", "jti-1").containsEntry("client", "10.1.2.3")
                .containsEntry("method", "GET").containsEntry("path", "/orders").containsEntry("durationMicros", 42L);
        assertThat(granted.get("time")).isInstanceOf(java.util.Date.class);
        Document ttl = template.getCollection("auth_audit").listIndexes()
                .into(new ArrayList<>()).stream().filter(index -> "time_ttl".equals(index.get("name"))).findFirst()
                .orElseThrow();
        assertThat(((Number) ttl.get("expireAfterSeconds")).longValue()).isEqualTo(Duration.ofDays(30).toSeconds());
    }

    @Test
    void otherRecordsAreStoredBesideTheDecisions() {
        MongoTemplate template = mongo.template();
        MongoAuditSink sink = sink(template, 100, Duration.ofSeconds(2));

        Instant changed = Instant.parse("2026-12-05T09:00:00Z");
        sink.record("tenant_change", changed, Map.of("tenant", "acme", "actor", "ann"));

        await().atMost(Duration.ofSeconds(10)).until(() -> template.getCollection("auth_audit").countDocuments() == 1);
        assertThat(template.getCollection("auth_audit").find().first()).containsEntry("kind", "tenant_change")
                .containsEntry("tenant", "acme").containsEntry("actor", "ann")
                .containsEntry("time", Date.from(changed));
    }

    @Test
    void aStoppedDatabaseCountsFailuresAndNeverBlocksTheCaller() {
        MongoAuditSink sink = sink(mongo.template(), 100, Duration.ofMillis(300));
        mongo.stop();

        for (int i = 0; i < 5; i++) {
            sink.onDecision(decision("bob", Outcome.GRANTED, null));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> registry.get(MongoAuditSink.FAILED).counter().count() >= 1);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() throws Exception {
        SilentServer silent = new SilentServer();
        closeLast.add(silent);
        com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(silent.connectionString());
        closeLast.add(client);
        MongoAuditSink sink = sink(new MongoTemplate(client, "audit"), 2, Duration.ofMillis(500));

        for (int i = 0; i < 50; i++) {
            sink.onDecision(decision("carol", Outcome.GRANTED, null));
        }

        // At most 2 wait in the queue and at most 3 (one polled, two drained) are in the batch that
        // hangs on the silent server: every other decision is dropped at once.
        assertThat(registry.get(MongoAuditSink.DROPPED).counter().count()).isGreaterThanOrEqualTo(45);
    }

    @Test
    void closeWritesWhatIsQueued() {
        MongoTemplate template = mongo.template();
        MongoAuditSink sink = new MongoAuditSink(template, "auth_audit", Duration.ofDays(1), 100,
                Duration.ofSeconds(2), registry, new BackgroundTasks(1), Clock.systemUTC());
        for (int i = 0; i < 20; i++) {
            sink.onDecision(decision("dave", Outcome.FORBIDDEN, "insufficient_scope"));
        }

        sink.close();

        assertThat(template.getCollection("auth_audit").countDocuments()).isEqualTo(20);
    }

    private MongoAuditSink sink(MongoTemplate template, int queueSize, Duration writeTimeout) {
        MongoAuditSink sink = new MongoAuditSink(template, "auth_audit", Duration.ofDays(30), queueSize, writeTimeout,
                registry, tasks, Clock.systemUTC());
        closeLast.add(0, sink);
        return sink;
    }

    private static AuthDecisionEvent decision(String subject, Outcome outcome, String reason) {
        return new AuthDecisionEvent(Instant.now(), "private", outcome, reason, subject,
                subject == null ? null : "jti-1", null, null, null, "10.1.2.3", "GET", "/orders",
                Duration.ofNanos(42_500));
    }
}
