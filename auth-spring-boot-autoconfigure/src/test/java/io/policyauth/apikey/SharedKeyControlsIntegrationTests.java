package io.policyauth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.core.CreditAllowance;
import io.policyauth.ratelimit.ParallelRequests;
import io.policyauth.ratelimit.RedisProcess;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.TestInstances;

/**
 * A key's controls on two instances sharing one MongoDB (the keys) and one real Redis (the counts):
 * its credits are never over-spent under parallel load on both, and a limit set on one instance is
 * enforced by the other within the refresh interval. Skipped, saying so, without {@code redis-server}.
 */
class SharedKeyControlsIntegrationTests {

    @TempDir
    static Path workDir;

    private static RedisProcess redis;

    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private final TestInstances instances = new TestInstances();

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisProcess.startOrSkip(workDir, "the shared key control tests");
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void stop() {
        instances.close();
        mongo.close();
    }

    @Test
    void creditsAreNeverOverSpentByTwoInstancesUnderParallelLoad() throws Exception {
        ConfigurableApplicationContext first = start();
        List<HttpTestClient> both = List.of(TestInstances.client(first), TestInstances.client(start()));
        ApiKeyManager keys = first.getBean(ApiKeyManager.class);
        IssuedApiKey issued = keys.issue("client-1", null, null, null, null, null,
                KeyControls.NONE.withCredits(new CreditAllowance(30, CreditAllowance.Refill.MONTHLY)));

        assertThat(admitted(both, issued.key(), 120)).isEqualTo(30);
        assertThat(keys.remainingCredits(issued.metadata().keyId())).hasValue(0);
    }

    @Test
    void aLimitSetOnOneInstanceIsEnforcedByTheOther() throws Exception {
        ConfigurableApplicationContext first = start();
        HttpTestClient second = TestInstances.client(start());
        ApiKeyManager keys = first.getBean(ApiKeyManager.class);
        IssuedApiKey issued = keys.issue("client-2", null, null, null, null);
        assertThat(admitted(List.of(second), issued.key(), 10)).as("no limit yet").isEqualTo(10);

        keys.setControls(issued.metadata().keyId(), KeyControls.NONE.withRateLimits(List.of("five-an-hour")));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> second.get("/keyed", "X-API-KEY", issued.key()).statusCode() == 429);
    }

    private static int admitted(List<HttpTestClient> clients, String key, int requests) throws Exception {
        return ParallelRequests.admitted(clients, requests, client -> client.get("/keyed", "X-API-KEY", key));
    }

    private ConfigurableApplicationContext start() {
        return instances.start(DbApiKeyWebTestApplication.class, "spring.mongodb.uri=" + mongo.connectionString(),
                DbApiKeyWebTestApplication.JWT_SECRET, DbApiKeyWebTestApplication.SHARED_KEYS,
                DbApiKeyWebTestApplication.INTERNAL, DbApiKeyWebTestApplication.NO_BACKGROUND_FLUSH,
                "policy-auth.api-key.revocation-refresh-interval=100ms",
                "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
                "spring.data.redis.timeout=1s", "policy-auth.rate-limits.store=redis",
                "policy-auth.rate-limits.five-an-hour.limit=5", "policy-auth.rate-limits.five-an-hour.per=1h");
    }
}
