package io.policyauth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.TestInstances;

/** Two application instances sharing one MongoDB: a key revoked on one is refused by both. */
class SharedKeyRevocationIntegrationTests {

    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private final TestInstances instances = new TestInstances();
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @AfterEach
    void stop() {
        instances.close();
        mongo.close();
    }

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedByTheOtherWithinTheRefreshInterval() {
        start();
        HttpTestClient a = TestInstances.client(first);
        HttpTestClient b = TestInstances.client(second);
        String key = first.getBean(ApiKeyManager.class).issue("client-1", null, null, null, null).key();
        String other = first.getBean(ApiKeyManager.class).issue("client-2", null, null, null, null).key();
        assertThat(b.get("/keyed", "X-API-KEY", key).statusCode()).as("now in the second's cache").isEqualTo(200);
        assertThat(b.get("/keyed", "X-API-KEY", other).statusCode()).isEqualTo(200);

        String keyId = first.getBean(ApiKeyManager.class).list("client-1").get(0).keyId();
        first.getBean(ApiKeyManager.class).revoke(keyId);

        assertThat(a.get("/keyed", "X-API-KEY", key).statusCode()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.get("/keyed", "X-API-KEY", key).statusCode() == 401);
        assertThat(b.get("/keyed", "X-API-KEY", other).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyRotatedOutWithoutGraceOnOneInstanceIsRefusedByTheOther() {
        start();
        HttpTestClient b = TestInstances.client(second);
        ApiKeyManager manager = first.getBean(ApiKeyManager.class);
        IssuedApiKey old = manager.issue("client-3", null, null, null, null);
        assertThat(b.get("/keyed", "X-API-KEY", old.key()).statusCode()).isEqualTo(200);

        IssuedApiKey replacement = manager.rotate(old.metadata().keyId(), Duration.ZERO);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> b.get("/keyed", "X-API-KEY", old.key()).statusCode() == 401);
        assertThat(b.get("/keyed", "X-API-KEY", replacement.key()).statusCode()).isEqualTo(200);
    }

    private void start() {
        first = instance();
        second = instance();
    }

    private ConfigurableApplicationContext instance() {
        return instances.start(DbApiKeyWebTestApplication.class,
                "spring.mongodb.uri=" + mongo.connectionString(), DbApiKeyWebTestApplication.JWT_SECRET, DbApiKeyWebTestApplication.SHARED_KEYS,
                DbApiKeyWebTestApplication.INTERNAL,
                DbApiKeyWebTestApplication.NO_BACKGROUND_FLUSH,
                "policy-auth.api-key.revocation-refresh-interval=100ms");
    }

}
