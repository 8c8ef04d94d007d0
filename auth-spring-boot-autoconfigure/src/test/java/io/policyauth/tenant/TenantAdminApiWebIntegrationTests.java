package io.policyauth.tenant;

import static io.policyauth.tenant.TenantTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import io.policyauth.web.HttpTestClient;

/**
 * The tenant admin API over a real Tomcat, as the README walks through it, and every change it must
 * refuse: another tenant, a caller without tenant:admin, escalation, platform roles, the last
 * administrator, malformed bodies.
 */
@SpringBootTest(classes = TenancyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"policy-auth.jwt.secret=" + TenantTokens.SECRET,
            "policy-auth.api-key.shared-keys=" + TenantTokens.SHARED_KEY, "policy-auth.tenancy.enabled=true",
            "policy-auth.tenancy.cross-tenant-roles=platform-admin",
            "policy-auth.tenancy.roles.tenant-admin=tenant:admin,invoices:*",
            "policy-auth.tenancy.roles.platform-admin=tenant:admin,invoices:read",
            "policy-auth.tenancy.admin-api.enabled=true"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class TenantAdminApiWebIntegrationTests {

    private static final String ACME = "/tenant-admin/tenants/acme";

    @LocalServerPort
    int port;

    @Autowired
    TenancyTestApplication.Decisions decisions;

    HttpTestClient http;
    String ann;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
        ann = token("ann", "acme", "tenant-admin");
    }

    @Test
    void anAdministratorDefinesARoleAndAssignsItAndTheMemberIsAdmittedByIt() {
        assertThat(put(ACME + "/roles/billing", "{\"permissions\":[\"invoices:read\"],\"description\":\"Billing\"}",
                ann).statusCode()).isEqualTo(201);
        assertThat(put(ACME + "/members/bob", "{\"roles\":[\"billing\"]}", ann).statusCode()).isEqualTo(201);
        String bob = token("bob", "acme");

        assertThat(http.get("/tenants/acme/invoices", "Authorization", bob).statusCode()).isEqualTo(200);
        assertThat(http.get("/tenants/globex/invoices", "Authorization", bob).statusCode()).isEqualTo(403);
        assertThat(http.send("POST", "/tenants/acme/invoices", "Authorization", bob).statusCode()).isEqualTo(403);
        assertThat(http.get("/tenants/globex/invoices", "Authorization", token("root", null, "platform-admin"))
                .statusCode()).isEqualTo(200);
        assertThat(http.get(ACME + "/roles/billing", "Authorization", ann).body())
                .isEqualTo("{\"name\":\"billing\",\"permissions\":[\"invoices:read\"],\"description\":\"Billing\"}");
        assertThat(http.get(ACME + "/members", "Authorization", ann).body())
                .isEqualTo("{\"items\":[{\"subject\":\"bob\",\"roles\":[\"billing\"]}],\"page\":0,\"size\":20}");
        assertThat(decisions.changes).extracting(TenantChange::actor, change -> change.action().name())
                .containsExactly(tuple("ann", "ROLE_DEFINED"),
                        tuple("ann", "MEMBER_ASSIGNED"));
    }

    @Test
    void onlyTheTenantsAdministratorsMayCallIt() {
        assertThat(http.get(ACME + "/roles").statusCode()).isEqualTo(401);
        assertThat(http.get("/tenant-admin/tenants/globex/roles", "Authorization", ann).body())
                .contains("tenant-mismatch");
        assertThat(http.get(ACME + "/roles", "Authorization", token("bob", "acme")).body())
                .contains("lacks a required permission");
        assertThat(http.get("/tenant-admin/tenants/globex/roles", "Authorization",
                token("root", null, "platform-admin")).statusCode()).isEqualTo(200);
    }

    @Test
    void nobodyGrantsMoreThanTheyHold() {
        HttpResponse<String> payroll = put(ACME + "/roles/payroll", "{\"permissions\":[\"payroll:read\"]}", ann);
        assertThat(payroll.statusCode()).isEqualTo(403);
        assertThat(payroll.body()).contains("payroll:read");
        assertThat(put(ACME + "/roles/everything", "{\"permissions\":[\"*:*\"]}", ann).statusCode()).isEqualTo(403);
        assertThat(put(ACME + "/members/bob", "{\"roles\":[\"platform-admin\"]}", ann).statusCode()).isEqualTo(403);
    }

    @Test
    void platformRolesAndTheLastAdministratorAreProtected() {
        assertThat(put(ACME + "/roles/tenant-admin", "{\"permissions\":[]}", ann).statusCode()).isEqualTo(409);
        assertThat(put(ACME + "/roles/admins", "{\"permissions\":[\"tenant:admin\"]}", ann).statusCode())
                .isEqualTo(201);
        assertThat(put(ACME + "/members/ann", "{\"roles\":[\"admins\"]}", ann).statusCode()).isEqualTo(201);

        assertThat(http.send("DELETE", ACME + "/members/ann", "Authorization", ann).statusCode()).isEqualTo(409);
        assertThat(put(ACME + "/members/ann", "{\"roles\":[]}", ann).statusCode()).isEqualTo(409);
        assertThat(http.send("DELETE", ACME + "/roles/admins", "Authorization", ann).statusCode()).isEqualTo(409);
    }

    @Test
    void malformedRequestsAreProblems() {
        assertThat(put(ACME + "/roles/billing", "{\"permissions\":[],\"extra\":1}", ann).body())
                .contains("Unknown field 'extra'");
        assertThat(put(ACME + "/roles/billing", "{\"permissions\":\"invoices:read\"}", ann).statusCode())
                .isEqualTo(400);
        assertThat(put(ACME + "/roles/billing", "{", ann).statusCode()).isEqualTo(400);
        assertThat(put(ACME + "/roles/Billing", "{\"permissions\":[]}", ann).statusCode()).isEqualTo(400);
        assertThat(http.get(ACME + "/roles?size=1000", "Authorization", ann).statusCode()).isEqualTo(400);
        assertThat(http.get(ACME + "/roles/none", "Authorization", ann).statusCode()).isEqualTo(404);
        assertThat(http.get(ACME + "/other", "Authorization", ann).statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send("POST", ACME + "/roles/billing", "Authorization", ann);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, PUT, DELETE");
        assertThat(post.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private HttpResponse<String> put(String path, String json, String authorization) {
        return http.send("PUT", path, HttpRequest.BodyPublishers.ofString(json), "Authorization",
                authorization, "Content-Type", "application/json");
    }
}
