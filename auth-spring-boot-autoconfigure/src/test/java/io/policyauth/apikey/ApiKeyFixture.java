package io.policyauth.apikey;

import io.policyauth.core.BackgroundTasks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.apikey.mongo.MongoApiKeyStore;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.PublicExecutor;
import io.policyauth.core.SecurityRequestContext;

/**
 * The db_api_key policy wired as the auto-configuration does, over the embedded server and the
 * real driver, with a clock the test moves.
 */
final class ApiKeyFixture implements AutoCloseable {

    static final String HEADER = "X-API-KEY";

    final EmbeddedMongo mongo = new EmbeddedMongo();
    final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final MongoApiKeyStore store;
    final ApiKeyLookup lookup;
    final LastUsedRecorder lastUsed;
    final StorePreparation preparation;
    final ApiKeyManager manager;
    final DbApiKeyExecutor executor;
    final AuthService auth;

    ApiKeyFixture() {
        this(Duration.ofSeconds(30));
    }

    ApiKeyFixture(Duration cacheTtl) {
        ApiKeyFormat format = new ApiKeyFormat("pak");
        store = new MongoApiKeyStore(mongo.template(), "api_keys", Duration.ofMillis(300), Duration.ofSeconds(2));
        lookup = new ApiKeyLookup(store, new ApiKeyLookupSettings(cacheTtl, Duration.ofSeconds(5), 1_000,
                ApiKeyLookupSettings.DEFAULT_MAX_CONCURRENT_LOOKUPS), null, meters);
        // A long interval: tests flush explicitly, so nothing depends on the background thread's timing.
        lastUsed = new LastUsedRecorder(store, 100, Duration.ofHours(1), meters, new BackgroundTasks(1), clock);
        preparation = new StorePreparation(store, clock);
        manager = new ApiKeyManager(store, format, lookup, preparation, clock);
        executor = new DbApiKeyExecutor(HEADER, format, lookup, lastUsed, preparation, clock);
        auth = new AuthService(new AuthExecutorRegistry(List.of(executor, new PublicExecutor()), Map.of()),
                new DecisionMetrics(meters));
    }

    AuthenticatedUser authorize(String key) {
        return auth.authorize(withKey(key), DbApiKeyExecutor.POLICY);
    }

    static SecurityRequestContext withKey(String key) {
        return SecurityRequestContext.of("127.0.0.1", Map.of(HEADER, List.of(key)));
    }

    @Override
    public void close() {
        lastUsed.close();
        mongo.close();
    }
}
