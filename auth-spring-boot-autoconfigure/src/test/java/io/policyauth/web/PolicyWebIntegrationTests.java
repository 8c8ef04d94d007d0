package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.policyauth.core.DecisionMetrics;

@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "policy-auth.default-policy=token")
class PolicyWebIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meterRegistry;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @Test
    void publicEndpointServesAnonymousCallers() {
        HttpResponse<String> response = http.get("/public");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.subject")).isEqualTo("anonymous");
        assertThat((Boolean) JsonPath.read(response.body(), "$.anonymous")).isTrue();
    }

    @Test
    void publicEndpointIgnoresBadAndDuplicateCredentials() {
        assertThat(http.get("/public", "Authorization", "Token bad-one").statusCode()).isEqualTo(200);
        assertThat(http.get("/public", "Authorization", "Token a", "Authorization", "Token b").statusCode())
                .isEqualTo(200);
    }

    @Test
    void grantedRequestGetsTheUserInjected() {
        HttpResponse<String> response = http.get("/token", "Authorization", "Token alice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.subject")).isEqualTo("alice");
        assertThat((String) JsonPath.read(response.body(), "$.mechanism")).isEqualTo("token");
    }

    @Test
    void missingCredentialIs401WithChallengeAndProblemBody() {
        HttpResponse<String> response = http.get("/token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Token realm=\"test\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat((String) JsonPath.read(response.body(), "$.type"))
                .isEqualTo("urn:policy-auth:problem:unauthenticated");
        assertThat((String) JsonPath.read(response.body(), "$.title")).isEqualTo("Authentication required");
        assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(401);
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("A token is required.");
        assertThat((String) JsonPath.read(response.body(), "$.policy")).isEqualTo("token");
    }

    @Test
    void badCredentialIs401WithErrorAndNeverEchoed() {
        HttpResponse<String> response = http.get("/token", "Authorization", "Token bad-secret-value");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("Token realm=\"test\", error=\"invalid_token\"");
        assertThat(response.body()).doesNotContain("bad-secret-value");
        assertThat(response.headers().map().toString()).doesNotContain("bad-secret-value");
    }

    @Test
    void refusedCallerIs403() {
        HttpResponse<String> response = http.get("/token", "Authorization", "Token forbidden");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("Token realm=\"test\", error=\"insufficient_scope\"");
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:policy-auth:problem:forbidden");
    }

    @Test
    void backendOutageIs503WithRetryAfterAndNoBackendDetails() {
        HttpResponse<String> response = http.get("/down");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:policy-auth:problem:unavailable");
        assertThat(response.body()).doesNotContain("db.internal").doesNotContain("27017")
                .doesNotContain("Exception");
    }

    @Test
    void twoCredentialHeadersAre400() {
        HttpResponse<String> response = http.get("/token", "Authorization", "Token a", "Authorization", "Token b");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(response.body(), "$.type"))
                .isEqualTo("urn:policy-auth:problem:invalid-request");
    }

    @Test
    void executorBugIs500AndDenied() {
        HttpResponse<String> response = http.get("/broken");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:policy-auth:problem:error");
        assertThat(response.body()).doesNotContain("never").doesNotContain("bug");
    }

    @Test
    void unannotatedHandlerGetsTheDefaultPolicy() {
        assertThat(http.get("/unannotated").statusCode()).isEqualTo(401);
        HttpResponse<String> granted = http.get("/unannotated", "Authorization", "Token bob");
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).isEqualTo("bob");
    }

    @Test
    void staticResourcesAndUnknownPathsGetTheDefaultPolicy() {
        assertThat(http.get("/no/such/path").statusCode()).isEqualTo(401);
        assertThat(http.get("/no/such/path", "Authorization", "Token bob").statusCode()).isEqualTo(404);
    }

    @Test
    void methodAnnotationOverridesClassAnnotation() {
        assertThat(http.get("/class-open").statusCode()).isEqualTo(200);
        assertThat(http.get("/class-open/method-token").statusCode()).isEqualTo(401);
        assertThat(http.get("/class-open/method-token", "Authorization", "Token carol").body()).isEqualTo("carol");
    }

    @Test
    void severalPoliciesMeanAnyOf() {
        HttpResponse<String> granted = http.get("/either", "Authorization", "Token dave");
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).isEqualTo("dave");
    }

    @Test
    void anyOfReportsTheMostSpecificFailure() {
        // "down" cannot decide, "token" finds no credential: an outage outranks a missing credential.
        HttpResponse<String> response = http.get("/either");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat((String) JsonPath.read(response.body(), "$.policy")).isEqualTo("down|token");
    }

    @Test
    void anyOfChallengesWithEveryScheme() {
        HttpResponse<String> response = http.get("/two-schemes");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).hasSize(2);
    }

    @Test
    void errorEndpointStaysReachable() {
        assertThat(http.get("/error").statusCode()).isNotIn(401, 403);
    }

    @Test
    void corsPreflightIsNotChallenged() {
        HttpResponse<String> response = http.send("OPTIONS", "/token", "Origin", "https://example.test",
                "Access-Control-Request-Method", "GET");
        assertThat(response.statusCode()).isNotEqualTo(401);
    }

    @Test
    void everyDecisionIsCountedAndTimedByPolicyAndOutcome() {
        double grantedBefore = count("token", "granted");
        double unauthenticatedBefore = count("token", "unauthenticated");

        http.get("/token", "Authorization", "Token erin");
        http.get("/token");
        http.get("/down");
        http.get("/broken");

        assertThat(count("token", "granted")).isEqualTo(grantedBefore + 1);
        assertThat(count("token", "unauthenticated")).isEqualTo(unauthenticatedBefore + 1);
        assertThat(count("down", "unavailable")).isPositive();
        assertThat(count("broken", "error")).isPositive();
        assertThat(meterRegistry.get(DecisionMetrics.DURATION).tag("policy", "token").tag("outcome", "granted")
                .timer().count()).isPositive();
    }

    private double count(String policy, String outcome) {
        return meterRegistry.get(DecisionMetrics.DECISIONS).tag("policy", policy).tag("outcome", outcome).counter()
                .count();
    }
}
