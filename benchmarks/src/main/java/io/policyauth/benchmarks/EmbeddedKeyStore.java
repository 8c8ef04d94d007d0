package io.policyauth.benchmarks;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.policyauth.apikey.ApiKeyFormat;
import io.policyauth.apikey.ApiKeyLookup;
import io.policyauth.apikey.ApiKeyLookupSettings;
import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.apikey.DbApiKeyExecutor;
import io.policyauth.apikey.KeyRevocationFeed;
import io.policyauth.apikey.LastUsedRecorder;
import io.policyauth.apikey.StorePreparation;
import io.policyauth.apikey.mongo.MongoApiKeyStore;
import io.policyauth.core.BackgroundTasks;

/**
 * The {@code db_api_key} policy over an in-memory MongoDB-compatible server on a free loopback
 * port, reached through the real driver, wired as the auto-configuration wires it with the default
 * settings (30 s cache, 5 s negative cache, 300 ms lookup timeout, 32 concurrent lookups, revocations
 * read every second).
 */
public final class EmbeddedKeyStore implements AutoCloseable {

    /** The key header. */
    public static final String HEADER = "X-API-KEY";

    private final MongoServer server;
    private final MongoClient client;
    private final MongoApiKeyStore store;
    private final ApiKeyFormat format = new ApiKeyFormat("pak");
    private final StorePreparation preparation;
    private final LastUsedRecorder lastUsed;
    private final Clock clock = Clock.systemUTC();
    private final KeyRevocationFeed revocations;
    private final BackgroundTasks tasks = new BackgroundTasks(1);

    public EmbeddedKeyStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        int port = server.getLocalAddress().getPort();
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
        store = new MongoApiKeyStore(new MongoTemplate(client, "bench"), "api_keys", Duration.ofMillis(300),
                Duration.ofSeconds(2));
        preparation = new StorePreparation(store, clock);
        preparation.prepare();
        lastUsed = new LastUsedRecorder(store, 10_000, Duration.ofSeconds(5), new SimpleMeterRegistry(), tasks,
                clock);
        revocations = new KeyRevocationFeed(store, Duration.ofSeconds(1), Duration.ofSeconds(30), clock, tasks);
        tasks.start();
    }

    /**
     * @param cached whether a cache is in front of the store (the default) or every request queries it
     * @return a lookup over the store
     */
    public ApiKeyLookup lookup(boolean cached) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        int permits = ApiKeyLookupSettings.DEFAULT_MAX_CONCURRENT_LOOKUPS;
        return cached ? new ApiKeyLookup(store, new ApiKeyLookupSettings(Duration.ofSeconds(30), Duration.ofSeconds(5),
                10_000, permits), revocations, meters)
                : new ApiKeyLookup(store, new ApiKeyLookupSettings(Duration.ZERO, Duration.ZERO, 0, permits), null, meters);
    }

    /**
     * @param lookup where keys are found
     * @return the executor of the {@code db_api_key} policy
     */
    public DbApiKeyExecutor executor(ApiKeyLookup lookup) {
        return new DbApiKeyExecutor(HEADER, format, lookup, lastUsed, preparation, clock);
    }

    /**
     * @param lookup the lookup whose cache learns of changes
     * @return a manager that issues keys into the store
     */
    public ApiKeyManager manager(ApiKeyLookup lookup) {
        return new ApiKeyManager(store, format, lookup, preparation, clock);
    }

    @Override
    public void close() {
        tasks.close();
        lastUsed.close();
        client.close();
        server.shutdownNow();
    }
}
