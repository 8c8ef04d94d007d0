package io.policyauth.web.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.tenant.TenantActor;
import io.policyauth.tenant.TenantRoles;
import io.policyauth.web.RequiresPolicy;

/**
 * Tenancy on WebFlux over a real Reactor Netty server: isolation of annotated handlers and of
 * functional routes, permissions from tenant-defined roles, as on Spring MVC.
 */
@SpringBootTest(classes = ReactiveTenancyTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"policy-auth.jwt.secret=" + ReactiveTenancyTests.SECRET, "policy-auth.tenancy.enabled=true",
            "policy-auth.tenancy.header=X-Tenant-Id", "policy-auth.tenancy.cross-tenant-roles=platform-admin",
            "policy-auth.tenancy.roles.platform-admin=invoices:read"})
class ReactiveTenancyTests {

    static final String SECRET = "a-reactive-tenancy-secret-of-32-bytes-or-more";

    @LocalServerPort
    int port;

    @Autowired
    TenantRoles tenantRoles;

    WebTestClient client;

    @BeforeEach
    void acmeDefinesBillingForBob() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        TenantActor app = TenantActor.application("test");
        tenantRoles.define(app, "acme", "billing", Set.of("invoices:read"), null);
        tenantRoles.assign(app, "acme", "bob", Set.of("billing"));
    }

    @Test
    void aMemberReadsItsOwnTenantButNotAnother() {
        String bob = token("bob", "acme");

        assertThat(get("/tenants/acme/invoices", bob).expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody()).isEqualTo("acme:bob [invoices:read]");
        assertThat(get("/tenants/globex/invoices", bob).expectStatus().isForbidden().expectBody(String.class)
                .returnResult().getResponseBody()).contains("tenant-mismatch").doesNotContain("globex");
        client.post().uri("/tenants/acme/invoices").header("Authorization", bob).exchange().expectStatus()
                .isForbidden().expectBody(String.class).value(body -> assertThat(body)
                        .contains("lacks a required permission"));
    }

    @Test
    void aFunctionalRouteIsIsolatedToo() {
        get("/fn/tenants/acme/reports", token("bob", "acme")).expectStatus().isOk();
        get("/fn/tenants/globex/reports", token("bob", "acme")).expectStatus().isForbidden();
    }

    @Test
    void theHeaderMustAgreeAndCrossTenantRolesActEverywhere() {
        client.get().uri("/tenants/acme/invoices").header("Authorization", token("bob", "acme"))
                .header("X-Tenant-Id", "globex").exchange().expectStatus().isBadRequest();
        get("/tenants/globex/invoices", token("root", null, "platform-admin")).expectStatus().isOk();
        get("/tenants/acme/invoices", token("nobody", null)).expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec get(String path, String authorization) {
        return client.get().uri(path).header("Authorization", authorization).exchange();
    }

    private static String token(String subject, @Nullable String tenant, String... roles) {
        return TenantTokens.token(SECRET, subject, tenant, roles);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class App {

        @Bean
        Invoices invoices() {
            return new Invoices();
        }

        @Bean
        RouterFunction<ServerResponse> reports(FunctionalRoutePolicies policies) {
            return policies.requires(RouterFunctions.route().GET("/fn/tenants/{tenantId}/reports",
                    request -> ServerResponse.ok().bodyValue("reports")).build(), "private");
        }
    }

    @RestController
    static class Invoices {

        @GetMapping("/tenants/{tenantId}/invoices")
        @RequiresPolicy(value = "private", permissions = "invoices:read")
        Mono<String> list(@PathVariable String tenantId, AuthenticatedUser user) {
            return Mono.just(tenantId + ":" + user.subject() + " " + user.permissions());
        }

        @PostMapping("/tenants/{tenantId}/invoices")
        @RequiresPolicy(value = "private", permissions = "invoices:write")
        Mono<String> create(@PathVariable String tenantId) {
            return Mono.just("created");
        }
    }
}
