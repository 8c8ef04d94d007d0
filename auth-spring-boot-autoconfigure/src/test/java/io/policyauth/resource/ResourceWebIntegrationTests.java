package io.policyauth.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.policyauth.core.ResourceRule;
import io.policyauth.resource.cerbos.CerbosProcess;
import io.policyauth.tenant.TenantTokens;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.PolicyMap;

/**
 * {@code @RequiresResource} and route rules' {@code resource:} over a real Tomcat and the real Cerbos:
 * the {@link ResourceWebContract} at {@code deny-status} 403 and 404, the
 * {@link ResourceEngineFailureContract}; routes and gateway routes; every check counted, audited and
 * shown in the policy map; dry-run lets a refused request through as {@code would_deny}.
 */
class ResourceWebIntegrationTests {

    private static CerbosProcess cerbos;

    static synchronized void properties(DynamicPropertyRegistry registry) throws Exception {
        if (cerbos == null) {
            cerbos = CerbosProcess.start();
        }
        registry.add("policy-auth.resources.cerbos.url", () -> cerbos.url().toString());
        registry.add("policy-auth.resources.engine", () -> "cerbos");
        registry.add("policy-auth.jwt.secret", () -> TenantTokens.SECRET);
        registry.add("policy-auth.tenancy.enabled", () -> "true");
        registry.add("policy-auth.tenancy.roles.admin", () -> "tenant:admin");
        registry.add("policy-auth.routes[0].pattern", () -> "/notes/{noteId}");
        registry.add("policy-auth.routes[0].policy", () -> "private");
        registry.add("policy-auth.routes[0].resource.kind", () -> "document");
        registry.add("policy-auth.routes[0].resource.id", () -> "{noteId}");
        registry.add("management.endpoints.web.exposure.include", () -> "policyauth");
    }

    @AfterAll
    static void stop() {
        if (cerbos != null) {
            cerbos.close();
        }
    }

    @Nested
    @SpringBootTest(classes = ResourceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class Refusing403 extends ResourceWebContract {

        @LocalServerPort
        int port;

        @Autowired
        MeterRegistry meters;

        @Autowired
        ResourceTestApplication.ResourceEvents events;

        @Autowired
        PolicyMap policyMap;

        @DynamicPropertySource
        static void engine(DynamicPropertyRegistry registry) throws Exception {
            properties(registry);
        }

        @Override
        protected int port() {
            return port;
        }

        @Override
        protected String token(String subject, String tenant, String... roles) {
            return TenantTokens.token(subject, tenant, roles);
        }

        @Test
        void aRouteRuleChecksTheResourceItsPatternNames() {
            HttpTestClient http = new HttpTestClient(port);

            assertThat(http.get("/notes/d1", "Authorization", token("bob", "acme")).body()).isEqualTo("note d1");
            assertThat(http.get("/notes/d1", "Authorization", token("eve", "acme")).statusCode()).isEqualTo(403);
            assertThat(http.get("/notes/d9", "Authorization", token("bob", "acme")).statusCode()).isEqualTo(404);
            assertThat(http.get("/notes/d1").statusCode()).isEqualTo(401);
        }

        @Test
        void everyCheckIsCountedAuditedAndMapped() {
            HttpTestClient http = new HttpTestClient(port);
            double allowedBefore = count("update", "allow");
            double deniedBefore = count("update", "deny");

            http.send("PUT", "/documents/d1", "Authorization", token("ann", "acme"));
            http.send("PUT", "/documents/d1", "Authorization", token("eve", "acme"));
            http.send("PUT", "/documents/d2", "Authorization", token("eve", "acme"));

            assertThat(count("update", "allow")).isEqualTo(allowedBefore + 1);
            assertThat(count("update", "deny")).isEqualTo(deniedBefore + 2);
            assertThat(events.seen).anySatisfy(event -> {
                assertThat(event.id()).isEqualTo("d1");
                assertThat(event.subject()).isEqualTo("eve");
                assertThat(event.effect()).isEqualTo(ResourceEffect.DENY);
            });
            assertThat(events.seen).anySatisfy(event -> {
                assertThat(event.subject()).isEqualTo("ann");
                assertThat(event.effect()).isEqualTo(ResourceEffect.ALLOW);
                assertThat(event.policy()).isEqualTo("resource.document.vdefault");
            });
            assertThat(events.seen).anySatisfy(event -> {
                assertThat(event.id()).isEqualTo("d2");
                assertThat(event.policy()).isEqualTo(TenantScopedResourceAuthorizer.ISOLATION_POLICY);
            });
            assertThat(policyMap.entries()).anySatisfy(entry -> {
                assertThat(entry.pattern()).isEqualTo("/documents/{documentId}");
                assertThat(entry.method()).isEqualTo("PUT");
                assertThat(entry.resource()).isEqualTo(new ResourceRule("document", "documentId", "update"));
            });
            assertThat(policyMap.entries()).anySatisfy(entry -> {
                assertThat(entry.pattern()).isEqualTo("/notes/{id}");
                assertThat(entry.method()).isEqualTo("GET");
                assertThat(entry.resource()).isEqualTo(new ResourceRule("document", "noteId", "read"));
            });
            String report = http.get("/actuator/policyauth", "Authorization", TenantTokens.token("ann", "acme"))
                    .body();
            assertThat(JsonPath.<List<Object>>read(report, "$.endpoints[?(@.pattern=='/documents/{documentId}' "
                    + "&& @.method=='DELETE')].resource")).containsExactly(Map.of("kind", "document",
                            "id", "{documentId}", "action", "delete"));
        }

        private double count(String action, String effect) {
            Timer timer = meters.find(ResourceDecisionMetrics.DECISIONS).tags("kind", "document", "action", action,
                    "effect", effect).timer();
            return timer == null ? 0 : timer.count();
        }
    }

    @Nested
    @SpringBootTest(classes = ResourceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "policy-auth.resources.deny-status=404")
    class Hiding404 extends ResourceWebContract {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void engine(DynamicPropertyRegistry registry) throws Exception {
            properties(registry);
        }

        @Override
        protected int port() {
            return port;
        }

        @Override
        protected String token(String subject, String tenant, String... roles) {
            return TenantTokens.token(subject, tenant, roles);
        }
    }

    @Nested
    @SpringBootTest(classes = ResourceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"policy-auth.resources.engine=cerbos", "policy-auth.resources.cerbos.read-timeout=300ms",
                "policy-auth.resources.cerbos.max-concurrent-requests=1", "policy-auth.tenancy.enabled=true",
                "policy-auth.jwt.secret=" + TenantTokens.SECRET})
    class EngineFailing extends ResourceEngineFailureContract {

        private static HangingEngine engine;

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void engine(DynamicPropertyRegistry registry) throws Exception {
            engine = new HangingEngine();
            registry.add("policy-auth.resources.cerbos.url", () -> engine.url().toString());
        }

        @AfterAll
        static void close() throws Exception {
            engine.close();
        }

        @Override
        protected int port() {
            return port;
        }

        @Override
        protected HangingEngine engine() {
            return engine;
        }

        @Override
        protected String token(String subject, String tenant) {
            return TenantTokens.token(subject, tenant);
        }
    }

    @Nested
    @SpringBootTest(classes = ResourceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"policy-auth.gateway.enabled=true", "policy-auth.gateway.routes[0].pattern=/files/{fileId}",
                "policy-auth.gateway.routes[0].policy=private", "policy-auth.gateway.routes[0].resource.kind=document",
                "policy-auth.gateway.routes[0].resource.id={fileId}"})
    class GatewayRoute {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void engine(DynamicPropertyRegistry registry) throws Exception {
            properties(registry);
        }

        @Test
        void theGatewayChecksTheResourceItsRouteNames() {
            assertThat(nginx("GET", "/files/d1", TenantTokens.token("bob", "acme")).statusCode()).isEqualTo(204);
            assertThat(nginx("PUT", "/files/d1", TenantTokens.token("bob", "acme")).statusCode()).isEqualTo(403);
            assertThat(nginx("GET", "/files/d2", TenantTokens.token("ann", "acme")).statusCode()).as("another tenant's")
                    .isEqualTo(403);
            assertThat(nginx("GET", "/files/d9", TenantTokens.token("ann", "acme")).statusCode()).isEqualTo(404);
        }

        private HttpResponse<String> nginx(String method, String uri, String authorization) {
            return new HttpTestClient(port).get("/authz/nginx", "X-Original-Method", method, "X-Original-URI", uri,
                    "Authorization", authorization);
        }
    }

    @Nested
    @SpringBootTest(classes = ResourceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "policy-auth.mode=dry-run")
    class DryRun {

        @LocalServerPort
        int port;

        @Autowired
        MeterRegistry meters;

        @DynamicPropertySource
        static void engine(DynamicPropertyRegistry registry) throws Exception {
            properties(registry);
        }

        @Test
        void aRefusalIsRecordedAsWouldDenyAndTheRequestGoesOn() {
            HttpResponse<String> refused = new HttpTestClient(port).send("PUT", "/documents/d1", "Authorization",
                    TenantTokens.token("eve", "acme"));

            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(meters.get(ResourceDecisionMetrics.DECISIONS).tags("action", "update", "effect", "would_deny")
                    .timer().count()).isEqualTo(1);
            assertThat(meters.get("policyauth.decisions").tags("outcome", "would_deny").counter().count())
                    .isEqualTo(1);
        }
    }
}
