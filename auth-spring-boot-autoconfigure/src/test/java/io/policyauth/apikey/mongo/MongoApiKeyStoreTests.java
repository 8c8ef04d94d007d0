package io.policyauth.apikey.mongo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.policyauth.apikey.ApiKeyHash;
import io.policyauth.apikey.ApiKeyMetadata;
import io.policyauth.apikey.ApiKeyStore;
import io.policyauth.apikey.ApiKeyStoreException;
import io.policyauth.apikey.KeyControls;
import io.policyauth.apikey.KeyUsage;
import io.policyauth.apikey.StoredApiKey;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MongoApiKeyStoreTests {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private EmbeddedMongo mongo;
    private MongoTemplate template;
    private MongoApiKeyStore store;

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo();
        template = mongo.template();
        store = new MongoApiKeyStore(template, "api_keys", Duration.ofMillis(300), Duration.ofSeconds(1));
        store.prepare();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void prepareCreatesAUniqueIndexOnTheHash() {
        List<Document> indexes = template.getCollection("api_keys").listIndexes().into(new ArrayList<>());

        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).containsOnlyKeys("keyHash");
            assertThat(index.getBoolean("unique")).isTrue();
        });
        store.insert(key("k1", "pak_one", "alice"));
        assertThatThrownBy(() -> store.insert(key("k2", "pak_one", "bob"))).isInstanceOf(ApiKeyStoreException.class);
    }

    @Test
    void findsAKeyByHashWithAllItsFields() {
        StoredApiKey stored = new StoredApiKey(ApiKeyHash.of("pak_secret"), new ApiKeyMetadata("k1", "alice", "ci",
                Set.of("read"), Set.of("admin"), "acme", CREATED, CREATED.plusSeconds(60), null, null));
        store.insert(stored);

        assertThat(store.findByHash(ApiKeyHash.of("pak_secret"))).contains(stored);
        assertThat(store.findById("k1")).contains(stored);
        assertThat(store.findByHash(ApiKeyHash.of("pak_other"))).isEmpty();
    }

    @Test
    void aKeysControlsAreStoredAndReplacedAsAChangeOtherInstancesRead() {
        KeyControls controls = KeyControls.NONE.withRateLimits(List.of("hourly")).allowedFrom(List.of("10.0.0.0/8"))
                .sharedByOwner(true);
        store.insert(new StoredApiKey(ApiKeyHash.of("pak_controlled"), new ApiKeyMetadata("k1", "alice", null, null,
                null, null, CREATED, null, null, null, controls)));
        assertThat(store.findById("k1").orElseThrow().metadata().controls()).isEqualTo(controls);

        assertThat(store.updateControls("k1", KeyControls.NONE.withPlan("gold"))).isTrue();

        assertThat(store.findById("k1").orElseThrow().metadata().controls())
                .isEqualTo(KeyControls.NONE.withPlan("gold"));
        assertThat(store.changesSince(CREATED.minusSeconds(1))).extracting(ApiKeyStore.KeyChange::hash)
                .containsExactly(ApiKeyHash.of("pak_controlled"));
        assertThat(store.updateControls("missing", KeyControls.NONE)).isFalse();
    }

    @Test
    void usageIsAddedPerKeyAndDayAndReadBackInOrder() {
        LocalDate day = LocalDate.of(2026, 12, 5);
        store.addUsage(List.of(new KeyUsage("k1", day, 3, Map.of("rate_limited", 1L), 3),
                new KeyUsage("k1", day.plusDays(1), 1, Map.of(), 0), new KeyUsage("k2", day, 9, Map.of(), 0)));
        store.addUsage(List.of(new KeyUsage("k1", day, 2, Map.of("rate_limited", 2L, "usage_exceeded", 1L), 2)));

        assertThat(store.usage("k1", day, day.plusDays(1))).containsExactly(
                new KeyUsage("k1", day, 5, Map.of("rate_limited", 3L, "usage_exceeded", 1L), 5),
                new KeyUsage("k1", day.plusDays(1), 1, Map.of(), 0));
        assertThat(store.usage("k1", day.plusDays(2), day.plusDays(9))).isEmpty();
    }

    @Test
    void theDocumentHoldsTheHashAndNotThePlaintext() {
        store.insert(key("k1", "pak_plaintextsecret", "alice"));

        Document document = template.getCollection("api_keys").find().first();

        assertThat(document.toJson()).doesNotContain("plaintextsecret");
        assertThat(document.getString("keyHash")).isEqualTo(ApiKeyHash.of("pak_plaintextsecret"));
        assertThat(document.getString("_id")).isEqualTo("k1");
    }

    @Test
    void revokesOnce() {
        store.insert(key("k1", "pak_a", "alice"));

        assertThat(store.revoke("k1", CREATED.plusSeconds(5))).isTrue();
        assertThat(store.revoke("k1", CREATED.plusSeconds(9))).isFalse();
        assertThat(store.revoke("unknown", CREATED)).isFalse();
        assertThat(store.findById("k1").orElseThrow().metadata().revokedAt()).isEqualTo(CREATED.plusSeconds(5));
    }

    @Test
    void expireByOnlyBringsExpiryForward() {
        store.insert(key("k1", "pak_a", "alice"));

        assertThat(store.expireBy("k1", CREATED.plusSeconds(100))).isTrue();
        assertThat(store.expireBy("k1", CREATED.plusSeconds(500))).isTrue();

        assertThat(store.findById("k1").orElseThrow().metadata().expiresAt()).isEqualTo(CREATED.plusSeconds(100));
        assertThat(store.expireBy("unknown", CREATED)).isFalse();
    }

    @Test
    void listsAnOwnersKeysNewestFirst() {
        store.insert(new StoredApiKey("h1", new ApiKeyMetadata("old", "alice", null, null, null, null, CREATED,
                null, null, null)));
        store.insert(new StoredApiKey("h2", new ApiKeyMetadata("new", "alice", null, null, null, null,
                CREATED.plusSeconds(1), null, null, null)));
        store.insert(key("other", "pak_b", "bob"));

        assertThat(store.findByOwner("alice")).extracting(key -> key.metadata().keyId()).containsExactly("new", "old");
    }

    @Test
    void lastUsedOnlyMovesForward() {
        store.insert(key("k1", "pak_a", "alice"));

        store.touchLastUsed(Map.of("k1", CREATED.plusSeconds(10)));
        store.touchLastUsed(Map.of("k1", CREATED.plusSeconds(5), "unknown", CREATED));

        assertThat(store.findById("k1").orElseThrow().metadata().lastUsedAt()).isEqualTo(CREATED.plusSeconds(10));
    }

    @Test
    void aStoppedDatabaseFailsWithinTheLookupTimeout() {
        mongo.stop();

        // The client keeps the driver's 30 s server selection timeout: only the store bounds the wait.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> store.findByHash(ApiKeyHash.of("pak_a"))).isInstanceOf(ApiKeyStoreException.class));
    }

    @Test
    void aDatabaseThatNeverAnswersFailsWithinTheLookupTimeout() throws Exception {
        try (SilentServer silent = new SilentServer();
                MongoClient client = MongoClients.create(silent.connectionString())) {
            MongoApiKeyStore hanging = new MongoApiKeyStore(new MongoTemplate(client, "policyauth"), "api_keys",
                    Duration.ofMillis(300), Duration.ofSeconds(1));

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                    () -> hanging.findByHash(ApiKeyHash.of("pak_a"))).isInstanceOf(ApiKeyStoreException.class));
        }
    }

    @Test
    void rejectsAZeroTimeout() {
        assertThatThrownBy(() -> new MongoApiKeyStore(template, "api_keys", Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StoredApiKey key(String keyId, String plaintext, String owner) {
        return new StoredApiKey(ApiKeyHash.of(plaintext),
                new ApiKeyMetadata(keyId, owner, "test", Set.of(), Set.of(), null, CREATED, null, null, null));
    }
}
