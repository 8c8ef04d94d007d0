package io.policyauth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.core.CreditAllowance;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.TestInstances;

/**
 * A key's own controls through a real server, on either web stack: its own rate limits or its plan's
 * count its requests on every endpoint (shared by its owner's keys when it says so), its credits are
 * spent and refused when gone (read and topped up through the manager), its allowed address ranges
 * refuse it elsewhere with 403, its usage is counted per day, and a change made on one instance
 * reaches another within the refresh interval.
 */
class KeyControlsWebIntegrationTests {

    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private final TestInstances instances = new TestInstances();

    @AfterEach
    void stop() {
        instances.close();
        mongo.close();
    }

    @Test
    void aKeysOwnLimitCountsItsRequestsAndOtherKeysAreNotLimited() {
        ConfigurableApplicationContext app = start();
        HttpTestClient client = TestInstances.client(app);
        ApiKeyManager keys = app.getBean(ApiKeyManager.class);
        String limited = keys.issue("client-1", null, null, null, null, null,
                KeyControls.NONE.withRateLimits(List.of("two-an-hour"))).key();
        String free = keys.issue("client-2", null, null, null, null).key();

        HttpResponse<String> first = client.get("/keyed", "X-API-KEY", limited);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit")).hasValue("\"two-an-hour\";r=1;t=1800");
        assertThat(client.get("/keyed", "X-API-KEY", limited).statusCode()).isEqualTo(200);
        HttpResponse<String> over = client.get("/keyed", "X-API-KEY", limited);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("RateLimit-Policy")).hasValue("\"two-an-hour\";q=2;w=3600");
        for (int i = 0; i < 4; i++) {
            assertThat(client.get("/keyed", "X-API-KEY", free).statusCode()).isEqualTo(200);
        }
        assertThat(client.get("/private").statusCode()).as("no key, no count").isEqualTo(401);
    }

    @Test
    void aPlanGivesItsKeysItsLimitsSharedByTheOwnersKeysWhenTheySaySo() {
        ConfigurableApplicationContext app = start();
        HttpTestClient client = TestInstances.client(app);
        ApiKeyManager keys = app.getBean(ApiKeyManager.class);
        KeyControls gold = KeyControls.NONE.withPlan("gold").sharedByOwner(true);
        String one = keys.issue("acme", "one", null, null, null, null, gold).key();
        String two = keys.issue("acme", "two", null, null, null, null, gold).key();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(client.get("/keyed", "X-API-KEY", one).statusCode());
            statuses.add(client.get("/keyed", "X-API-KEY", two).statusCode());
        }

        assertThat(statuses).as("four an hour for acme's keys together").containsExactly(200, 200, 200, 200, 429, 429);
    }

    @Test
    void aPlanSharedByOwnerCountsItsOwnersKeysTogether() {
        ConfigurableApplicationContext app = start("policy-auth.api-key.plans.team.rate-limits=gold",
                "policy-auth.api-key.plans.team.shared=owner");
        HttpTestClient client = TestInstances.client(app);
        ApiKeyManager keys = app.getBean(ApiKeyManager.class);
        String one = keys.issue("initech", "one", null, null, null, null, KeyControls.NONE.withPlan("team")).key();
        String two = keys.issue("initech", "two", null, null, null, null, KeyControls.NONE.withPlan("team")).key();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(client.get("/keyed", "X-API-KEY", one).statusCode());
            statuses.add(client.get("/keyed", "X-API-KEY", two).statusCode());
        }

        assertThat(statuses).as("four an hour for initech's keys together").containsExactly(200, 200, 200, 200, 429,
                429);
    }

    @Test
    void aKeysCreditsAreSpentUntilNoneIsLeftThenReadAndToppedUp() {
        ConfigurableApplicationContext app = start();
        HttpTestClient client = TestInstances.client(app);
        ApiKeyManager keys = app.getBean(ApiKeyManager.class);
        IssuedApiKey issued = keys.issue("client-6", null, null, null, null, null,
                KeyControls.NONE.withCredits(new CreditAllowance(3, CreditAllowance.Refill.NONE)));
        String keyId = issued.metadata().keyId();

        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/keyed", "X-API-KEY", issued.key()).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> exhausted = client.get("/keyed", "X-API-KEY", issued.key());
        assertThat(exhausted.statusCode()).isEqualTo(429);
        assertThat(JsonPath.<String>read(exhausted.body(), "$.type"))
                .isEqualTo("urn:policy-auth:problem:usage-exceeded");
        assertThat(exhausted.headers().firstValue("Retry-After")).as("never refilled").isEmpty();
        assertThat(keys.remainingCredits(keyId)).hasValue(0);

        assertThat(keys.setRemainingCredits(keyId, 2)).isTrue();

        assertThat(keys.remainingCredits(keyId)).hasValue(2);
        assertThat(client.get("/keyed", "X-API-KEY", issued.key()).statusCode()).isEqualTo(200);
        assertThat(client.get("/keyed", "X-API-KEY", issued.key()).statusCode()).isEqualTo(200);
        assertThat(client.get("/keyed", "X-API-KEY", issued.key()).statusCode()).isEqualTo(429);
    }

    @Test
    void anEndpointUnderANamedPolicyWithACostSpendsThatManyCredits() {
        ConfigurableApplicationContext app = start("spring.main.sources=" + MeteredEndpoint.class.getName(),
                "policy-auth.rate-limits.roomy.limit=1000", "policy-auth.policies.metered-keys.any-of=db_api_key",
                "policy-auth.policies.metered-keys.rate-limit=roomy", "policy-auth.policies.metered-keys.cost=3");
        HttpTestClient client = TestInstances.client(app);
        ApiKeyManager keys = app.getBean(ApiKeyManager.class);
        IssuedApiKey issued = keys.issue("client-10", null, null, null, null, null,
                KeyControls.NONE.withCredits(new CreditAllowance(7, CreditAllowance.Refill.NONE)));

        assertThat(client.get("/metered", "X-API-KEY", issued.key()).statusCode()).isEqualTo(200);
        assertThat(client.get("/metered", "X-API-KEY", issued.key()).statusCode()).isEqualTo(200);
        assertThat(client.get("/metered", "X-API-KEY", issued.key()).statusCode()).as("1 left, 3 asked")
                .isEqualTo(429);
        assertThat(keys.remainingCredits(issued.metadata().keyId())).hasValue(1);
    }

    @Test
    void aPlansCreditsAreRefilledDailyAndTheRefusalSaysWhen() {
        ConfigurableApplicationContext app = start("policy-auth.api-key.plans.metered.credits.amount=2",
                "policy-auth.api-key.plans.metered.credits.refill=daily");
        HttpTestClient client = TestInstances.client(app);
        ApiKeyManager keys = app.getBean(ApiKeyManager.class);
        IssuedApiKey issued = keys.issue("client-7", null, null, null, null, null,
                KeyControls.NONE.withPlan("metered"));

        assertThat(client.get("/keyed", "X-API-KEY", issued.key()).statusCode()).isEqualTo(200);
        assertThat(client.get("/keyed", "X-API-KEY", issued.key()).statusCode()).isEqualTo(200);
        HttpResponse<String> exhausted = client.get("/keyed", "X-API-KEY", issued.key());

        assertThat(exhausted.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(exhausted.headers().firstValue("Retry-After").orElseThrow()))
                .as("until 00:00 UTC").isBetween(1L, 86_400L);
        assertThat(keys.remainingCredits(issued.metadata().keyId())).hasValue(0);
        assertThat(keys.remainingCredits(keys.issue("client-8", null, null, null, null).metadata().keyId()))
                .as("a key without credits").isEmpty();
    }

    @Test
    void aKeysUsageIsCountedPerDayGrantedRefusedByReasonAndCreditsSpent() {
        ConfigurableApplicationContext app = start();
        HttpTestClient client = TestInstances.client(app);
        ApiKeyManager keys = app.getBean(ApiKeyManager.class);
        IssuedApiKey issued = keys.issue("client-9", null, null, null, null, null, KeyControls.NONE.withCredits(
                new CreditAllowance(2, CreditAllowance.Refill.MONTHLY)).allowedFrom(List.of("10.0.0.0/8")));
        for (int i = 0; i < 3; i++) {
            client.get("/keyed", "X-API-KEY", issued.key(), "X-Forwarded-For", "10.1.2.3");
        }
        client.get("/keyed", "X-API-KEY", issued.key(), "X-Forwarded-For", "192.0.2.1");
        MeterRegistry meters = app.getBean(MeterRegistry.class);

        app.getBean(UsageRecorder.class).flush();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(keys.usage(issued.metadata().keyId(), today.minusDays(1), today)).singleElement()
                .isEqualTo(new KeyUsage(issued.metadata().keyId(), today, 2,
                        Map.of("usage_exceeded", 1L, "address_not_allowed", 1L), 2));
        assertThat(meters.get(UsageRecorder.REQUESTS).tag("outcome", "granted").counter().count()).isEqualTo(2);
        assertThat(keys.usage(issued.metadata().keyId(), today.plusDays(1), today.plusDays(2))).isEmpty();
    }

    @Test
    void aKeyIsAcceptedFromItsAllowedRangesOnly() {
        ConfigurableApplicationContext app = start();
        HttpTestClient client = TestInstances.client(app);
        String key = app.getBean(ApiKeyManager.class).issue("client-3", null, null, null, null, null,
                KeyControls.NONE.allowedFrom(List.of("203.0.113.0/24"))).key();

        assertThat(client.get("/keyed", "X-API-KEY", key, "X-Forwarded-For", "203.0.113.7").statusCode())
                .isEqualTo(200);
        HttpResponse<String> elsewhere = client.get("/keyed", "X-API-KEY", key, "X-Forwarded-For", "198.51.100.1");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(elsewhere.body(), "$.type"))
                .isEqualTo("urn:policy-auth:problem:address-not-allowed");
        assertThat(client.get("/keyed", "X-API-KEY", key).statusCode()).as("the proxy's own address").isEqualTo(403);
    }

    @Test
    void aChangeToAKeysControlsReachesTheOtherInstanceWithinTheRefreshInterval() {
        ConfigurableApplicationContext first = start();
        HttpTestClient second = TestInstances.client(start());
        ApiKeyManager keys = first.getBean(ApiKeyManager.class);
        IssuedApiKey issued = keys.issue("client-4", null, null, null, null);
        for (int i = 0; i < 3; i++) {
            assertThat(second.get("/keyed", "X-API-KEY", issued.key()).statusCode()).as("unlimited, and cached")
                    .isEqualTo(200);
        }

        assertThat(keys.setControls(issued.metadata().keyId(), KeyControls.NONE.withRateLimits(List.of("two-an-hour"))))
                .isTrue();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> second.get("/keyed", "X-API-KEY", issued.key()).statusCode() == 429);
        assertThat(keys.find(issued.metadata().keyId()).orElseThrow().controls().rateLimits())
                .containsExactly("two-an-hour");
    }

    @Test
    void controlsNamingWhatIsNotConfiguredAreRefusedAndAPlansUnknownLimitStopsTheStart() {
        ApiKeyManager keys = start().getBean(ApiKeyManager.class);

        assertThatIllegalArgumentException().isThrownBy(() -> keys.issue("client-5", null, null, null, null, null,
                KeyControls.NONE.withRateLimits(List.of("nope")))).withMessageContaining("'nope' is not configured");
        assertThatIllegalArgumentException().isThrownBy(() -> keys.issue("client-5", null, null, null, null, null,
                KeyControls.NONE.withPlan("platinum"))).withMessageContaining("'platinum' is not configured");
        assertThatIllegalArgumentException().isThrownBy(() -> keys.issue("client-5", null, null, null, null, null,
                KeyControls.NONE.allowedFrom(List.of("300.1.2.3/8"))));
        assertThat(keys.list("client-5")).isEmpty();

        Throwable failure = catchThrowable(() -> start("policy-auth.api-key.plans.silver.rate-limits=missing"));
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertThat(messages).contains("policy-auth.api-key.plans.silver.rate-limits names 'missing'");
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> properties = new ArrayList<>(List.of("spring.mongodb.uri=" + mongo.connectionString(),
                DbApiKeyWebTestApplication.JWT_SECRET, DbApiKeyWebTestApplication.SHARED_KEYS,
                DbApiKeyWebTestApplication.INTERNAL, DbApiKeyWebTestApplication.NO_BACKGROUND_FLUSH,
                "policy-auth.api-key.revocation-refresh-interval=100ms",
                "policy-auth.internal.trusted-proxies=127.0.0.1/32,::1/128",
                "policy-auth.rate-limits.two-an-hour.limit=2", "policy-auth.rate-limits.two-an-hour.per=1h",
                "policy-auth.rate-limits.gold.limit=4", "policy-auth.rate-limits.gold.per=1h",
                "policy-auth.api-key.plans.gold.rate-limits=gold"));
        properties.addAll(List.of(more));
        return instances.start(DbApiKeyWebTestApplication.class, properties.toArray(String[]::new));
    }

    /** An endpoint under a named policy whose requests cost 3. */
    @RestController
    static class MeteredEndpoint {

        @GetMapping("/metered")
        @RequiresPolicy("metered-keys")
        String metered() {
            return "metered";
        }
    }
}
