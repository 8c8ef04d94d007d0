package io.policyauth.jwt.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.core.BackgroundTasks;

/** The shared denylist over the real driver and an embedded Mongo-compatible server. */
class MongoTokenDenylistTests {

    private static final Duration SKEW = Duration.ofSeconds(60);

    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private final BackgroundTasks tasks = new BackgroundTasks(1);

    {
        tasks.start();
    }
    private final MongoTokenDenylist reader = denylist(Clock.systemUTC());
    private final MongoTokenDenylist writer = denylist(Clock.systemUTC());
    private final MongoTokenDenylist laggingWriter = denylist(Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));

    @AfterEach
    void stop() {
        tasks.close();
        mongo.close();
    }

    @Test
    void aWriterWhoseClockRunsBehindIsNotMissedByIncrementalReads() {
        Instant expiresAt = Instant.now().plus(Duration.ofHours(2));
        writer.revoke("first", expiresAt);
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.isRevoked("first"));

        laggingWriter.revoke("second", expiresAt);

        await().atMost(Duration.ofSeconds(5)).until(() -> reader.isRevoked("second"));
        Document stored = mongo.template().getCollection("revoked_tokens").find(new Document("_id", "second")).first();
        assertThat(stored.getDate(MongoTokenDenylist.REVOKED_AT).toInstant())
                .as("stamped with the server's time, not the writer's").isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void aRevocationIsKeptUntilTheTokenIsPastItsExpiryAndTheSkew() {
        Instant expiredWithinSkew = Instant.now().minusSeconds(10);
        writer.revoke("in-skew", expiredWithinSkew);

        await().atMost(Duration.ofSeconds(5)).until(() -> reader.isRevoked("in-skew"));
        Document stored = mongo.template().getCollection("revoked_tokens").find(new Document("_id", "in-skew")).first();
        assertThat(stored.getDate(MongoTokenDenylist.KEEP_UNTIL).toInstant())
                .isEqualTo(expiredWithinSkew.plus(SKEW).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void aMalformedDocumentIsSkippedAndCountedWhileTheRestStillApplies() {
        assertThat(reader.isRevoked("nothing-yet")).isFalse();
        mongo.template().getCollection("revoked_tokens").insertOne(new Document("_id", "broken")
                .append(MongoTokenDenylist.EXPIRES_AT, "not a date").append(MongoTokenDenylist.REVOKED_AT, new Date()));
        writer.revoke("good", Instant.now().plus(Duration.ofHours(1)));

        await().atMost(Duration.ofSeconds(5)).until(() -> reader.isRevoked("good"));
        assertThat(reader.malformedEntries()).isPositive();
        assertThat(reader.isRevoked("broken")).isFalse();
    }

    private MongoTokenDenylist denylist(Clock clock) {
        return new MongoTokenDenylist(mongo.template(), "revoked_tokens", Duration.ofSeconds(2),
                Duration.ofMillis(50), Duration.ofSeconds(30), SKEW, clock, tasks);
    }
}
