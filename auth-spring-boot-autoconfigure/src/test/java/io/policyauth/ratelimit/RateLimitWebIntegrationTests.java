package io.policyauth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.apikey.TestClock;
import io.policyauth.core.AuthService;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.PolicyDescription;
import io.policyauth.jwt.TokenIssuer;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.TestInstances;

/**
 * Rate limits on named policies through a real server, on either web stack: each caller has its own
 * bucket, a refused credential costs nothing, an anonymous caller is counted by its address, a cost
 * takes more than one, time refills; over the limit, a 429 problem with {@code Retry-After} and the
 * IETF {@code RateLimit-Policy} and {@code RateLimit} headers.
 */
class RateLimitWebIntegrationTests {

    private static final String SECRET = "a-rate-limit-test-secret-of-32-bytes!!";

    private final TestInstances instances = new TestInstances();
    private ConfigurableApplicationContext application;
    private HttpTestClient client;
    private TokenIssuer tokens;

    @BeforeEach
    void start() {
        application = instances.start(App.class, "policy-auth.jwt.secret=" + SECRET,
                "policy-auth.rate-limits.store=memory", "policy-auth.rate-limits.on-store-failure=deny",
                "policy-auth.rate-limits.standard.limit=3", "policy-auth.rate-limits.standard.per=1m",
                "policy-auth.rate-limits.by-address.limit=2", "policy-auth.rate-limits.by-address.per=1m",
                "policy-auth.rate-limits.by-address.key=client-address",
                "policy-auth.policies.metered.any-of=private", "policy-auth.policies.metered.rate-limit=standard",
                "policy-auth.policies.expensive.any-of=private", "policy-auth.policies.expensive.rate-limit=standard",
                "policy-auth.policies.expensive.cost=2",
                "policy-auth.policies.open-metered.any-of=public",
                "policy-auth.policies.open-metered.rate-limit=by-address",
                "policy-auth.routes[0].pattern=/routed/**", "policy-auth.routes[0].policy=private",
                "policy-auth.routes[0].rate-limit=standard", "policy-auth.routes[0].cost=2");
        client = TestInstances.client(application);
        tokens = application.getBean(TokenIssuer.class);
    }

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void eachCallerHasItsOwnBucketAndOverItGets429WithTheRateLimitHeaders() {
        String alice = bearer("alice");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> admitted = client.get("/metered", "Authorization", alice);
            assertThat(admitted.statusCode()).isEqualTo(200);
            assertThat(admitted.headers().firstValue("RateLimit")).as("every answer under a limit")
                    .hasValue("\"standard\";r=" + (2 - i) + ";t=" + (20 * (i + 1)));
            assertThat(admitted.headers().firstValue("RateLimit-Policy")).hasValue("\"standard\";q=3;w=60");
        }
        HttpResponse<String> limited = client.get("/metered", "Authorization", alice);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(JsonPath.<String>read(limited.body(), "$.type")).isEqualTo("urn:policy-auth:problem:rate-limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("20");
        assertThat(limited.headers().firstValue("RateLimit-Policy")).hasValue("\"standard\";q=3;w=60");
        assertThat(limited.headers().firstValue("RateLimit")).hasValue("\"standard\";r=0;t=60");
        assertThat(client.get("/metered", "Authorization", bearer("bob")).statusCode()).isEqualTo(200);
        assertThat(application.getBean(MeterRegistry.class).get(DecisionMetrics.DECISIONS).tag("policy", "metered")
                .tag("outcome", "rate_limited").counter().count()).isEqualTo(1.0);

        application.getBean(TestClock.class).advance(Duration.ofSeconds(20));
        assertThat(client.get("/metered", "Authorization", alice).statusCode()).as("one refilled").isEqualTo(200);
        assertThat(client.get("/metered", "Authorization", alice).statusCode()).isEqualTo(429);
    }

    @Test
    void thePolicyMapAndOpenApiReadersSeeTheLimit() {
        AuthService authService = application.getBean(AuthService.class);
        assertThat(authService.registry().get("metered").describe().attributes())
                .containsEntry(PolicyDescription.RATE_LIMIT, "standard: 3 per 60 s, by caller");
        assertThat(authService.registry().get("expensive").describe().attributes())
                .containsEntry(PolicyDescription.RATE_LIMIT, "standard: 3 per 60 s, by caller, cost 2");
    }

    @Test
    void aRefusedCredentialCostsNothingAndACostTakesMore() {
        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/metered", "Authorization", "Bearer not-a-token").statusCode()).isEqualTo(401);
        }
        String carol = bearer("carol");
        assertThat(client.get("/expensive", "Authorization", carol).statusCode()).isEqualTo(200);
        assertThat(client.get("/expensive", "Authorization", carol).statusCode()).as("1 left, 2 asked")
                .isEqualTo(429);
        assertThat(client.get("/metered", "Authorization", carol).statusCode()).as("one limit, one bucket")
                .isEqualTo(200);
    }

    @Test
    void anAnnotationPutsItsEndpointUnderALimitWithItsCost() {
        String erin = bearer("erin");
        assertThat(client.get("/annotated", "Authorization", erin).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = client.get("/annotated", "Authorization", erin);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
    }

    @Test
    void aRouteRulePutsTheRequestsItMatchesUnderALimit() {
        String frank = bearer("frank");
        assertThat(client.get("/routed/thing", "Authorization", frank).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = client.get("/routed/thing", "Authorization", frank);
        assertThat(limited.statusCode()).as("3 per minute, cost 2").isEqualTo(429);
        assertThat(limited.headers().firstValue("RateLimit")).hasValue("\"standard\";r=1;t=40");
    }

    @Test
    void anAnonymousCallerIsCountedByItsAddress() {
        assertThat(client.get("/open").statusCode()).isEqualTo(200);
        assertThat(client.get("/open").statusCode()).isEqualTo(200);
        HttpResponse<String> limited = client.get("/open");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("RateLimit-Policy")).hasValue("\"by-address\";q=2;w=60");
    }

    @Test
    void aLimitThatIsNotConfiguredOrIsASettingsNameStopsTheStart() {
        assertThat(startFailure("policy-auth.policies.metered.any-of=private",
                "policy-auth.policies.metered.rate-limit=nope"))
                .contains("policy-auth.policies.metered.rate-limit names 'nope'");
        assertThat(startFailure("policy-auth.rate-limits.store.limit=3"))
                .contains("policy-auth.rate-limits.store is a setting");
        assertThat(startFailure("policy-auth.rate-limits.stor=redis"))
                .contains("policy-auth.rate-limits.stor is not a policy-auth property")
                .contains("did you mean policy-auth.rate-limits.store?");
        assertThat(startFailure("policy-auth.rate-limits.store=redis", "spring.autoconfigure.exclude="
                + "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"))
                .contains("policy-auth.rate-limits.store is redis, but the application has no Lettuce connection");
        assertThat(startFailure("policy-auth.rate-limits.store=redis", "policy-auth.rate-limits.local-batch=-1"))
                .contains("policy-auth.rate-limits.local-batch must not be negative");
    }

    /* Every message of the failure's causes, on whichever stack the suite runs. */
    private String startFailure(String... properties) {
        List<String> all = new ArrayList<>(List.of("policy-auth.jwt.secret=" + SECRET));
        all.addAll(List.of(properties));
        Throwable failure = catchThrowable(() -> new TestInstances().start(App.class, all.toArray(String[]::new)));
        assertThat(failure).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private String bearer(String subject) {
        return "Bearer " + tokens.createToken(subject, List.of(), List.of());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        TestClock clock() {
            return new TestClock(Instant.parse("2026-12-05T12:00:00Z"));
        }

        @RestController
        static class Endpoints {

            @GetMapping("/metered")
            @RequiresPolicy("metered")
            String metered() {
                return "metered";
            }

            @GetMapping("/expensive")
            @RequiresPolicy("expensive")
            String expensive() {
                return "expensive";
            }

            @GetMapping("/annotated")
            @RequiresPolicy(value = "private", rateLimit = "standard", cost = 3)
            String annotated() {
                return "annotated";
            }

            @GetMapping("/routed/thing")
            String routed() {
                return "routed";
            }

            @GetMapping("/open")
            @RequiresPolicy("open-metered")
            String open() {
                return "open";
            }
        }
    }
}
