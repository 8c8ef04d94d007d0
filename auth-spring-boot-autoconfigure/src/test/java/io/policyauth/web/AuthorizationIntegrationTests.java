package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.policyauth.core.DecisionMetrics;
import io.policyauth.jwt.TokenIssuer;

@SpringBootTest(classes = AuthorizationTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "policy-auth.jwt.secret=an-integration-test-secret-of-32-bytes-or-more",
            "policy-auth.policies.partner.any-of=private,partner_key",
            "policy-auth.policies.partner.scopes=orders:read",
            "policy-auth.policies.ops.all-of=partner_key,private",
            "policy-auth.policies.watch.any-of=private",
            "policy-auth.policies.watch.mode=dry-run",
            "policy-auth.routes[0].pattern=/admin/**",
            "policy-auth.routes[0].methods=POST,DELETE",
            "policy-auth.routes[0].policy=ops",
            "policy-auth.routes[0].roles=admin",
            "policy-auth.routes[1].pattern=/docs/**",
            "policy-auth.routes[1].policy=public",
            "policy-auth.routes[2].pattern=/reports/**",
            "policy-auth.routes[2].methods=GET",
            "policy-auth.routes[2].policy=private",
            "policy-auth.routes[3].pattern=/reports/**",
            "policy-auth.routes[3].policy=public",
            "management.endpoints.web.exposure.include=policyauth"
        })
class AuthorizationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    MeterRegistry meterRegistry;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    private String bearer(String subject, List<String> scopes, List<String> roles) {
        return "Bearer " + tokens.createToken(subject, scopes, roles);
    }

    @Test
    void requiredScopeGrantedExactlyOrByWildcard() {
        assertThat(http.get("/orders", "Authorization", bearer("a", List.of("orders:read"), List.of())).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/orders", "Authorization", bearer("b", List.of("orders:*"), List.of())).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/orders", "Authorization", bearer("c", List.of("*:*"), List.of())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void missingScopeIs403InsufficientScopeNamingTheScope() {
        HttpResponse<String> response = http.get("/orders", "Authorization",
                bearer("d", List.of("billing:*", "orders"), List.of()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer error=\"insufficient_scope\", scope=\"orders:read\"");
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:policy-auth:problem:forbidden");
    }

    @Test
    void allScopesAndAllRolesAreRequired() {
        String allButRole = bearer("e", List.of("orders:write", "orders:audit"), List.of("user"));
        String oneScope = bearer("f", List.of("orders:write"), List.of("admin"));
        String everything = bearer("g", List.of("orders:write", "orders:audit"), List.of("admin"));

        assertThat(http.send("POST", "/orders", "Authorization", allButRole).statusCode()).isEqualTo(403);
        assertThat(http.send("POST", "/orders", "Authorization", oneScope).statusCode()).isEqualTo(403);
        assertThat(http.send("POST", "/orders", "Authorization", everything).statusCode()).isEqualTo(200);
    }

    @Test
    void anyOfNamedPolicyPassesOnEitherCredentialAndAppliesItsScopes() {
        assertThat(http.get("/partner/orders", "X-Partner", "acme").body()).isEqualTo("acme:partner_key");
        assertThat(http.get("/partner/orders", "Authorization", bearer("h", List.of("orders:read"), List.of()))
                .body()).isEqualTo("h:jwt");
        assertThat(http.get("/partner/orders", "Authorization", bearer("i", List.of(), List.of())).statusCode())
                .isEqualTo(403);
    }

    @Test
    void anyOfFailurePrefersAPresentedBadCredentialAndChallengesEveryWay() {
        HttpResponse<String> missing = http.get("/partner/orders");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer", "ApiKey header=\"X-Partner\"");

        HttpResponse<String> bad = http.get("/partner/orders", "Authorization", "Bearer not.a.token");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().allValues("WWW-Authenticate")).first().asString()
                .startsWith("Bearer error=\"invalid_token\"");
    }

    @Test
    void allOfNeedsEveryMemberAndTheCallerIsTheFirstWithASubject() {
        String token = bearer("j", List.of(), List.of());
        assertThat(http.get("/ops", "Authorization", token).statusCode()).isEqualTo(401);
        assertThat(http.get("/ops", "X-Partner", "acme").statusCode()).isEqualTo(401);
        assertThat(http.get("/ops", "X-Partner", "acme", "Authorization", token).body())
                .isEqualTo("acme:partner_key");
    }

    @Test
    void routeRuleGuardsUnannotatedHandlersForItsMethodsOnly() {
        String admin = bearer("k", List.of(), List.of("admin"));
        String notAdmin = bearer("l", List.of(), List.of());

        assertThat(http.send("POST", "/admin/things").statusCode()).isEqualTo(401);
        assertThat(http.send("POST", "/admin/things", "X-Partner", "acme", "Authorization", notAdmin).statusCode())
                .as("ops passes but the route requires role admin, which the partner caller lacks").isEqualTo(403);
        assertThat(http.send("DELETE", "/admin/things", "X-Partner", "acme", "Authorization", admin).statusCode())
                .as("the caller is the partner (first with a subject): no admin role").isEqualTo(403);
        // GET is not listed by the rule: the default policy (private) applies.
        assertThat(http.get("/admin/things").statusCode()).isEqualTo(401);
        assertThat(http.get("/admin/things", "Authorization", notAdmin).body()).isEqualTo("list");
    }

    @Test
    void aRouteThatNamesGetCoversHead() {
        assertThat(http.get("/reports/daily").statusCode()).isEqualTo(401);
        assertThat(http.send("HEAD", "/reports/daily").statusCode())
                .as("HEAD is served by the GET handler, so the GET rule decides it").isEqualTo(401);
        assertThat(http.send("HEAD", "/reports/daily", "Authorization", bearer("h", List.of(), List.of()))
                .statusCode()).isEqualTo(200);
        assertThat(http.send("POST", "/reports/daily").statusCode()).isEqualTo(200);
    }

    @Test
    void annotationTakesPrecedenceOverRouteAndRouteOverDefault() {
        assertThat(http.send("POST", "/admin/annotated").body()).isEqualTo("annotation wins");
        assertThat(http.get("/docs/index").body()).isEqualTo("docs");
    }

    @Test
    void dryRunServesTheRequestAndCountsWouldDeny() {
        double before = count("watch", "would_deny");

        HttpResponse<String> response = http.get("/watched");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("anonymous");
        assertThat(count("watch", "would_deny")).isEqualTo(before + 1);
        assertThat(http.get("/watched", "Authorization", bearer("m", List.of(), List.of())).body()).isEqualTo("m");
    }

    @Test
    void actuatorEndpointListsPoliciesAndEveryEndpointsEffectivePolicy() {
        HttpResponse<String> response = http.get("/actuator/policyauth", "Authorization",
                bearer("n", List.of(), List.of()));

        assertThat(response.statusCode()).isEqualTo(200);
        String json = response.body();
        assertThat((String) JsonPath.read(json, "$.defaultPolicy")).isEqualTo("private");
        assertThat((List<String>) JsonPath.read(json, "$.policies[*].name"))
                .contains("private", "public", "partner", "ops", "watch", "partner_key");
        assertThat((List<String>) JsonPath.read(json, "$.policies[?(@.name=='partner')].kind")).containsExactly("any-of");
        assertThat((List<List<String>>) JsonPath.read(json, "$.policies[?(@.name=='partner')].members"))
                .containsExactly(List.of("private", "partner_key"));
        assertThat((List<String>) JsonPath.read(json, "$.policies[?(@.name=='watch')].mode"))
                .containsExactly("DRY_RUN");
        assertThat((List<String>) JsonPath.read(json, "$.policies[?(@.name=='private')].kind")).containsExactly("jwt");
        assertThat((List<String>) JsonPath.read(json, "$.policies[?(@.name=='private')].credential.type"))
                .containsExactly("BEARER_TOKEN");
        assertThat((List<String>) JsonPath.read(json, "$.policies[?(@.name=='partner_key')].kind"))
                .containsExactly("custom");
        assertThat((List<List<String>>) JsonPath.read(json, "$.policies[?(@.name=='partner')].requirements.scopes"))
                .containsExactly(List.of("orders:read"));
        assertThat(json).as("descriptions in the domain's words, no getter leaks").doesNotContain("\"empty\"")
                .doesNotContain("Executor");
        List<Map<String, Object>> adminPost = JsonPath.read(json,
                "$.endpoints[?(@.pattern=='/admin/things' && @.method=='POST')]");
        assertThat(adminPost).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("source", "ROUTE").containsEntry("policy", List.of("ops"));
            assertThat(entry.get("handler").toString()).endsWith("Admin#create");
        });
        List<Map<String, Object>> reportsHead = JsonPath.read(json,
                "$.endpoints[?(@.pattern=='/reports/daily' && @.method=='HEAD')]");
        assertThat(reportsHead).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("source", "ROUTE").containsEntry("policy", List.of("private")));
        List<Map<String, Object>> docs = JsonPath.read(json,
                "$.endpoints[?(@.pattern=='/docs/index' && @.method=='GET')]");
        assertThat(docs).singleElement().satisfies(entry -> assertThat(entry).containsEntry("open", true));
        List<Map<String, Object>> orders = JsonPath.read(json,
                "$.endpoints[?(@.pattern=='/orders' && @.method=='GET')]");
        assertThat(orders).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("source", "ANNOTATION").containsEntry("open", false));
        List<Map<String, Object>> self = JsonPath.read(json,
                "$.endpoints[?(@.pattern=='/actuator/policyauth' && @.method=='GET')]");
        assertThat(self).singleElement().satisfies(entry -> assertThat(entry).containsEntry("source", "DEFAULT"));
    }

    @Test
    void actuatorEndpointIsItselfProtectedByTheDefaultPolicy() {
        assertThat(http.get("/actuator/policyauth").statusCode()).isEqualTo(401);
    }

    private double count(String policy, String outcome) {
        var counter = meterRegistry.find(DecisionMetrics.DECISIONS).tag("policy", policy).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
