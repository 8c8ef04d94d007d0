package io.policyauth.apikey.mongo;

import io.policyauth.core.BackgroundTasks;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.policyauth.apikey.ApiKeyFormat;
import io.policyauth.apikey.ApiKeyHash;
import io.policyauth.apikey.ApiKeyLookup;
import io.policyauth.apikey.ApiKeyLookupSettings;
import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.apikey.DbApiKeyExecutor;
import io.policyauth.apikey.IssuedApiKey;
import io.policyauth.apikey.LastUsedRecorder;
import io.policyauth.apikey.StorePreparation;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.SecurityRequestContext;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy against a real {@code mongod}, which, unlike the embedded server, enforces
 * {@code maxTimeMS} and the index options. Reported as skipped where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerApiKeyTests {

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    private MongoClient client;
    private MongoTemplate template;
    private LastUsedRecorder lastUsed;
    private ApiKeyManager manager;
    private DbApiKeyExecutor executor;

    @BeforeEach
    void wire() {
        client = MongoClients.create(MONGO.getConnectionString());
        template = new MongoTemplate(client, "policyauth_" + System.nanoTime());
        MongoApiKeyStore store = new MongoApiKeyStore(template, "api_keys", Duration.ofMillis(300),
                Duration.ofSeconds(2));
        ApiKeyFormat format = new ApiKeyFormat("pak");
        ApiKeyLookup lookup = new ApiKeyLookup(store, new ApiKeyLookupSettings(Duration.ofSeconds(30),
                Duration.ofSeconds(5), 100, ApiKeyLookupSettings.DEFAULT_MAX_CONCURRENT_LOOKUPS), null,
                new SimpleMeterRegistry());
        StorePreparation preparation = new StorePreparation(store, Clock.systemUTC());
        lastUsed = new LastUsedRecorder(store, 100, Duration.ofHours(1), new SimpleMeterRegistry(),
                new BackgroundTasks(1), Clock.systemUTC());
        manager = new ApiKeyManager(store, format, lookup, preparation, Clock.systemUTC());
        executor = new DbApiKeyExecutor("X-API-KEY", format, lookup, lastUsed, preparation,
                Clock.systemUTC());
        executor.activate();
    }

    @AfterEach
    void close() {
        lastUsed.close();
        template.getDb().drop();
        client.close();
    }

    @Test
    void issueAcceptRevokeRefuse() {
        IssuedApiKey issued = manager.issue("client-7", "ci", List.of("read"), List.of(), null);

        assertThat(executor.execute(request(issued.key())).subject()).isEqualTo("client-7");
        manager.revoke(issued.metadata().keyId());

        assertThatThrownBy(() -> executor.execute(request(issued.key()))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void storesAUniqueHashAndNoPlaintext() {
        IssuedApiKey issued = manager.issue("client-7", "ci", null, null, null);
        lastUsed.flush();

        Document stored = template.getCollection("api_keys").find().first();
        List<Document> indexes = template.getCollection("api_keys").listIndexes().into(new ArrayList<>());

        assertThat(stored.toJson()).doesNotContain(issued.key());
        assertThat(stored.getString("keyHash")).isEqualTo(ApiKeyHash.of(issued.key()));
        assertThat(indexes).anySatisfy(index -> assertThat(index.getBoolean("unique", false)).isTrue());
    }

    private static SecurityRequestContext request(String key) {
        return SecurityRequestContext.of("127.0.0.1", Map.of("X-API-KEY", List.of(key)));
    }
}
