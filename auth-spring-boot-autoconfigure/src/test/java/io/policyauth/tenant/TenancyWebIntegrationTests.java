package io.policyauth.tenant;

import static io.policyauth.tenant.TenantTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.web.HttpTestClient;

/**
 * Tenancy over a real Tomcat: the tenant a request names (path variable, header, another variable),
 * isolation under every policy kind, permissions from platform and tenant-defined roles.
 */
@SpringBootTest(classes = TenancyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"policy-auth.jwt.secret=" + TenantTokens.SECRET,
            "policy-auth.api-key.shared-keys=" + TenantTokens.SHARED_KEY, "policy-auth.tenancy.enabled=true", "policy-auth.tenancy.header=X-Tenant-Id",
            "policy-auth.tenancy.cross-tenant-roles=platform-admin",
            "policy-auth.tenancy.roles.tenant-admin=tenant:admin",
            "policy-auth.tenancy.roles.platform-admin=invoices:read"})
class TenancyWebIntegrationTests {

    private static final TenantActor APP = TenantActor.application("test");

    @LocalServerPort
    int port;

    @Autowired
    TenantRoles tenantRoles;

    @Autowired
    TenancyTestApplication.Decisions decisions;

    @Autowired
    MeterRegistry meters;

    HttpTestClient http;

    @BeforeEach
    void acmeDefinesBillingForBob() {
        http = new HttpTestClient(port);
        tenantRoles.define(APP, "acme", "billing", Set.of("invoices:read"), "reads invoices");
        tenantRoles.assign(APP, "acme", "bob", Set.of("billing"));
    }

    @Test
    void aMemberReadsItsOwnTenantButNotAnother() {
        String bob = token("bob", "acme");
        double mismatches = mismatches();

        assertThat(http.get("/tenants/acme/invoices", "Authorization", bob).body()).isEqualTo("acme:bob");
        HttpResponse<String> globex = http.get("/tenants/globex/invoices", "Authorization", bob);
        assertThat(globex.statusCode()).isEqualTo(403);
        assertThat(globex.body()).contains("tenant-mismatch").doesNotContain("globex");
        assertThat(mismatches()).isEqualTo(mismatches + 1);
    }

    @Test
    void aPermissionTheRolesDoNotGrantIs403InsufficientPermissionWithoutABearerChallenge() {
        HttpResponse<String> write = http.send("POST", "/tenants/acme/invoices", "Authorization",
                token("bob", "acme"));

        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("lacks a required permission");
        assertThat(write.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void theCallersPermissionsComeFromItsRolesAndItsTenantsAssignments() {
        assertThat(http.get("/me", "Authorization", token("bob", "acme")).body()).isEqualTo("bob [invoices:read]");
        assertThat(http.get("/me", "Authorization", token("carol", "acme", "tenant-admin")).body())
                .isEqualTo("carol [tenant:admin]");
        // Acme's roles mean nothing to a member of another tenant.
        assertThat(http.get("/me", "Authorization", token("bob", "globex")).body()).isEqualTo("bob []");
    }

    @Test
    void aCrossTenantRoleActsInEveryTenantAndEachSuchGrantIsAudited() {
        String admin = token("root", null, "platform-admin");

        assertThat(http.get("/tenants/acme/invoices", "Authorization", admin).statusCode()).isEqualTo(200);
        assertThat(http.get("/tenants/globex/invoices", "Authorization", admin).statusCode()).isEqualTo(200);
        assertThat(decisions.events).filteredOn(event -> "root".equals(event.subject()))
                .extracting(AuthDecisionEvent::targetTenant, AuthDecisionEvent::reason)
                .containsExactly(tuple("acme", "cross_tenant"), tuple("globex", "cross_tenant"));
    }

    @Test
    void callersWithoutATenantAndOtherTenantsAreRefusedUnderEveryPolicyKind() {
        assertThat(http.get("/tenants/acme/invoices", "Authorization", token("nobody", null)).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/tenants/acme/keyed", "X-API-KEY", TenantTokens.SHARED_KEY).body())
                .contains("tenant-mismatch");
        assertThat(http.get("/tenants/acme/invoices").statusCode()).isEqualTo(401);
    }

    @Test
    void tenantsAreComparedExactly() {
        String bob = token("bob", "acme");

        assertThat(http.get("/tenants/ACME/invoices", "Authorization", bob).statusCode()).isEqualTo(403);
        assertThat(http.get("/tenants/acme%20/invoices", "Authorization", bob).statusCode()).isEqualTo(403);
        assertThat(http.get("/tenants/%61cme/invoices", "Authorization", bob).statusCode()).isEqualTo(200);
    }

    @Test
    void theHeaderNamesTheTenantToo() {
        String bob = token("bob", "acme");

        assertThat(http.get("/me", "Authorization", bob, "X-Tenant-Id", "globex").statusCode()).isEqualTo(403);
        assertThat(http.get("/me", "Authorization", bob, "X-Tenant-Id", "acme").statusCode()).isEqualTo(200);
        HttpResponse<String> conflicting = http.get("/tenants/acme/invoices", "Authorization", bob, "X-Tenant-Id",
                "globex");
        assertThat(conflicting.statusCode()).isEqualTo(400);
        assertThat(conflicting.body()).contains("more than one tenant");
    }

    @Test
    void anEndpointNamesAnotherVariableOrOptsOut() {
        String bob = token("bob", "acme");

        assertThat(http.get("/orgs/acme/reports", "Authorization", bob).statusCode()).isEqualTo(200);
        assertThat(http.get("/orgs/globex/reports", "Authorization", bob).statusCode()).isEqualTo(403);
        assertThat(http.get("/tenants/globex/directory", "Authorization", bob).statusCode()).isEqualTo(200);
        assertThat(http.get("/tenants/globex/status").statusCode()).isEqualTo(200);
    }

    @Test
    void aRemovedRoleStopsGranting() {
        String bob = token("bob", "acme");
        assertThat(http.get("/tenants/acme/invoices", "Authorization", bob).statusCode()).isEqualTo(200);

        tenantRoles.remove(APP, "acme", "billing");

        assertThat(http.get("/tenants/acme/invoices", "Authorization", bob).body())
                .contains("lacks a required permission");
        assertThat(tenantRoles.member("acme", "bob")).get().extracting(TenantMember::roles)
                .isEqualTo(Set.of("billing"));
    }

    @Test
    void theAuditEventNamesTheTargetTenantOfARefusal() {
        http.get("/tenants/globex/invoices", "Authorization", token("bob", "acme"));

        assertThat(decisions.events).filteredOn(event -> "bob".equals(event.subject())).last()
                .extracting(AuthDecisionEvent::reason, AuthDecisionEvent::tenant, AuthDecisionEvent::targetTenant)
                .containsExactly("tenant_mismatch", "acme", "globex");
    }

    private double mismatches() {
        var counter = meters.find(DecisionMetrics.DECISIONS).tags("policy", "private", "outcome", "tenant_mismatch")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
