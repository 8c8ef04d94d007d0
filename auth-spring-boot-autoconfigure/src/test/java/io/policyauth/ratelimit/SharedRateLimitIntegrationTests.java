package io.policyauth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.apikey.TestClock;
import io.policyauth.jwt.TokenIssuer;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.TestInstances;

/**
 * Rate limits shared by two instances through a real Redis ({@code store: redis}), under parallel
 * load: a limit admits exactly its figure across both, or at most a local batch more per instance;
 * Redis killed, a request under a limit gets the configured failure mode ({@code deny}: 503;
 * {@code allow}: admitted uncounted), and once Redis is back it is counted again without a restart.
 * Skipped, saying so, where Debian's {@code redis-server} is not installed.
 */
class SharedRateLimitIntegrationTests {

    private static final String SECRET = "a-shared-rate-limit-test-secret-32-bytes";
    @TempDir
    static Path workDir;

    private static RedisProcess redis;

    private final TestInstances instances = new TestInstances();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisProcess.startOrSkip(workDir, "the shared rate limit tests");
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void stopInstances() {
        instances.close();
        running.clear();
    }

    @Test
    void twoInstancesAdmitExactlyEachLimitUnderParallelLoad() throws Exception {
        List<HttpTestClient> both = startTwo("policy-auth.rate-limits.local-batch=0");
        String alice = bearer("alice");

        assertThat(admitted(both, "/per-caller", alice, 200)).as("50 per hour by caller").isEqualTo(50);
        assertThat(admitted(both, "/per-address", null, 120)).as("20 per hour by address, cost 2").isEqualTo(10);
        assertThat(admitted(both, "/per-caller", bearer("bob"), 80)).as("another caller's own bucket")
                .isEqualTo(50);
    }

    @Test
    void aLocalBatchAdmitsAtMostThatManyMorePerInstance() throws Exception {
        List<HttpTestClient> both = startTwo("policy-auth.rate-limits.local-batch=5");

        int admitted = admitted(both, "/per-caller", bearer("carol"), 200);

        assertThat(admitted).as("50 per hour, local batches of 5 on two instances").isBetween(50, 50 + 2 * 5);
    }

    @Test
    void redisDownDeniesWith503AndItsReturnIsCountedAgainWithoutARestart() throws Exception {
        List<HttpTestClient> both = startTwo("policy-auth.rate-limits.on-store-failure=deny");
        String dave = bearer("dave");
        assertThat(both.get(0).get("/per-caller", "Authorization", dave).statusCode()).isEqualTo(200);

        redis.kill();
        try {
            HttpResponse<String> unavailable = both.get(1).get("/per-caller", "Authorization", dave);
            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
            assertThat(JsonPath.<String>read(unavailable.body(), "$.type"))
                    .isEqualTo("urn:policy-auth:problem:unavailable");
            assertThat(unavailable.body()).doesNotContain("127.0.0.1").doesNotContain("redis");
            assertThat(both.get(0).get("/open").statusCode()).as("endpoints under no limit go on").isEqualTo(200);
        }
        finally {
            redis.restart();
        }

        assertThat(eventually(both.get(1), "/per-caller", dave)).isEqualTo(200);
        assertThat(admitted(both, "/per-caller", dave, 80)).as("counted again, afresh").isEqualTo(49);
    }

    @Test
    void redisDownWithAllowAdmitsUncountedThenCountsAgain() throws Exception {
        List<HttpTestClient> both = startTwo("policy-auth.rate-limits.on-store-failure=allow");
        String erin = bearer("erin");
        assertThat(admitted(both, "/per-caller", erin, 60)).isEqualTo(50);

        redis.kill();
        try {
            assertThat(both.get(0).get("/per-caller", "Authorization", erin).statusCode()).as("uncounted")
                    .isEqualTo(200);
            assertThat(both.get(1).get("/per-caller", "Authorization", erin).statusCode()).isEqualTo(200);
            assertThat(uncounted(0, "hourly")).isEqualTo(1.0);
            assertThat(uncounted(1, "hourly")).isEqualTo(1.0);
        }
        finally {
            redis.restart();
        }
        for (int i = 0; i < 2; i++) {
            awaitCounted(i, both.get(i), erin);
        }

        assertThat(admitted(both, "/per-caller", erin, 120)).as("counted again in the restarted Redis")
                .isEqualTo(50);
    }

    /* Parallel requests alternating between the instances; how many got 200 (every other answer a 429). */
    private static int admitted(List<HttpTestClient> clients, String path, String authorization, int requests)
            throws Exception {
        return ParallelRequests.admitted(clients, requests, client -> authorization == null ? client.get(path)
                : client.get(path, "Authorization", authorization));
    }

    /* Until a request on the instance is counted again (each one uncounted shows in the metric). */
    private void awaitCounted(int instance, HttpTestClient client, String authorization) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            double before = uncounted(instance, "roomy");
            assertThat(client.get("/open-counted", "Authorization", authorization).statusCode()).isEqualTo(200);
            if (uncounted(instance, "roomy") == before) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("requests were still not counted 10 s after Redis came back");
    }

    private double uncounted(int instance, String limit) {
        Counter counter = running.get(instance).getBean(MeterRegistry.class)
                .find(StoreFailureAllowingRateLimiter.UNCOUNTED).tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }

    /* The status once Redis answers again: the client reconnects on its own within seconds. */
    private static int eventually(HttpTestClient client, String path, String authorization)
            throws InterruptedException {
        int status = 0;
        for (int attempt = 0; attempt < 100 && status != 200; attempt++) {
            status = client.get(path, "Authorization", authorization).statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        return status;
    }

    private List<HttpTestClient> startTwo(String... settings) {
        List<String> properties = new ArrayList<>(List.of("policy-auth.jwt.secret=" + SECRET,
                "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
                "spring.data.redis.timeout=1s", "policy-auth.rate-limits.store=redis",
                "policy-auth.rate-limits.hourly.limit=50", "policy-auth.rate-limits.hourly.per=1h",
                "policy-auth.rate-limits.by-address.limit=20", "policy-auth.rate-limits.by-address.per=1h",
                "policy-auth.rate-limits.by-address.key=client-address",
                "policy-auth.rate-limits.roomy.limit=1000000", "policy-auth.rate-limits.roomy.per=1s"));
        properties.addAll(List.of(settings));
        List<HttpTestClient> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(instances.start(App.class, properties.toArray(String[]::new)));
            clients.add(TestInstances.client(running.get(i)));
        }
        return clients;
    }

    private String bearer(String subject) {
        return "Bearer " + running.get(0).getBean(TokenIssuer.class)
                .createToken(subject + "-" + System.nanoTime(), List.of(), List.of());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        /* Both instances at one fixed time: no bucket refills while a test runs. */
        @Bean
        TestClock clock() {
            return new TestClock(Instant.parse("2026-12-05T12:00:00Z"));
        }

        @RestController
        static class Endpoints {

            @GetMapping("/per-caller")
            @RequiresPolicy(value = "private", rateLimit = "hourly")
            String perCaller() {
                return "counted";
            }

            @GetMapping("/per-address")
            @RequiresPolicy(value = "public", rateLimit = "by-address", cost = 2)
            String perAddress() {
                return "counted";
            }

            @GetMapping("/open-counted")
            @RequiresPolicy(value = "private", rateLimit = "roomy")
            String openCounted() {
                return "counted";
            }

            @GetMapping("/open")
            @RequiresPolicy("public")
            String open() {
                return "open";
            }
        }
    }
}
