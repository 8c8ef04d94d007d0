package io.policyauth.resource;

import static io.policyauth.tenant.TenantTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.policyauth.resource.cerbos.CerbosProcess;
import io.policyauth.tenant.TenantTokens;
import io.policyauth.web.HttpTestClient;

/**
 * {@code @RequiresResource} over a real Tomcat and the real Cerbos: the owner, a shared reader, a
 * stranger, a caller of another tenant (refused before Cerbos is asked), an unknown resource, and
 * {@code deny-status: 404}, whose refusals cannot be told from an unknown resource.
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
    }

    @AfterAll
    static void stop() {
        if (cerbos != null) {
            cerbos.close();
        }
    }

    @Nested
    @SpringBootTest(classes = ResourceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class Refusing403 {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void engine(DynamicPropertyRegistry registry) throws Exception {
            properties(registry);
        }

        @Test
        void eachCallerAsThePoliciesSay() {
            HttpTestClient http = new HttpTestClient(port);
            String ann = token("ann", "acme");
            String bob = token("bob", "acme");

            assertThat(http.send("PUT", "/documents/d1", "Authorization", ann).body()).isEqualTo("updated d1");
            assertThat(http.send("DELETE", "/documents/d1", "Authorization", ann).statusCode()).isEqualTo(200);
            assertThat(http.get("/documents/d1", "Authorization", bob).body()).isEqualTo("read d1");
            HttpResponse<String> bobWrites = http.send("PUT", "/documents/d1", "Authorization", bob);
            assertThat(bobWrites.statusCode()).isEqualTo(403);
            assertThat(bobWrites.body()).contains("urn:policy-auth:problem:forbidden");
            assertThat(http.get("/documents/d1", "Authorization", token("eve", "acme")).statusCode()).isEqualTo(403);
            assertThat(http.get("/documents/d2", "Authorization", ann).statusCode()).isEqualTo(403);
            assertThat(http.get("/documents/d9", "Authorization", ann).statusCode()).isEqualTo(404);
            assertThat(http.get("/documents/d1").statusCode()).isEqualTo(401);
        }
    }

    @Nested
    @SpringBootTest(classes = ResourceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "policy-auth.resources.deny-status=404")
    class Hiding404 {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void engine(DynamicPropertyRegistry registry) throws Exception {
            properties(registry);
        }

        @Test
        void aRefusalCannotBeToldFromAnUnknownResource() {
            HttpTestClient http = new HttpTestClient(port);
            HttpResponse<String> refused = http.get("/documents/d1", "Authorization", token("eve", "acme"));
            HttpResponse<String> unknown = http.get("/documents/d9", "Authorization", token("eve", "acme"));

            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).isEqualTo(unknown.body());
            assertThat(http.get("/documents/d1", "Authorization", token("bob", "acme")).statusCode()).isEqualTo(200);
        }
    }
}
