package io.policyauth.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import io.policyauth.web.HttpTestClient;

/**
 * What every front answers for {@code @RequiresResource} on {@code /documents/{documentId}} (GET,
 * PUT, DELETE) over {@link ResourceFixtures#DOCUMENTS}, against the real Cerbos serving
 * {@code cerbos/policies} with tenancy on and the role {@code admin} granting {@code tenant:admin}:
 * the owner, a shared reader, a stranger, another tenant (refused before the engine), a tenant
 * administrator, a tenant's scoped policy, an unknown document, and refusals at
 * {@code deny-status}, which at 404 cannot be told from an unknown document.
 */
public abstract class ResourceWebContract {

    @Value("${policy-auth.resources.deny-status:403}")
    int refused;

    /**
     * @return the server's port
     */
    protected abstract int port();

    /**
     * @param subject the caller
     * @param tenant its tenant
     * @param roles its roles
     * @return an {@code Authorization} value the application's {@code private} policy admits
     */
    protected abstract String token(String subject, String tenant, String... roles);

    @Test
    void theOwnerTheSharedReaderAndAStranger() {
        HttpTestClient http = new HttpTestClient(port());

        assertThat(http.send("PUT", "/documents/d1", "Authorization", token("ann", "acme")).body())
                .isEqualTo("updated d1");
        assertThat(http.get("/documents/d1", "Authorization", token("bob", "acme")).body()).isEqualTo("read d1");
        assertThat(http.send("PUT", "/documents/d1", "Authorization", token("bob", "acme")).statusCode())
                .isEqualTo(refused);
        assertThat(http.get("/documents/d1", "Authorization", token("eve", "acme")).statusCode()).isEqualTo(refused);
        assertThat(http.get("/documents/d1").statusCode()).isEqualTo(401);
    }

    @Test
    void anotherTenantATenantAdministratorAndATenantsScopedPolicy() {
        HttpTestClient http = new HttpTestClient(port());

        assertThat(http.get("/documents/d2", "Authorization", token("ann", "acme")).statusCode())
                .as("the owner, but of another tenant's document").isEqualTo(refused);
        assertThat(http.send("DELETE", "/documents/d4", "Authorization", token("ada", "acme", "admin")).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/documents/d2", "Authorization", token("ada", "acme", "admin")).statusCode())
                .as("an administrator of another tenant").isEqualTo(refused);
        assertThat(http.get("/documents/d3", "Authorization", token("ian", "initech")).statusCode()).isEqualTo(200);
        assertThat(http.send("PUT", "/documents/d3", "Authorization", token("ian", "initech")).statusCode())
                .isEqualTo(refused);
        assertThat(http.get("/documents/d4", "Authorization", token("eve", "acme")).statusCode())
                .as("acme has no such scoped policy").isEqualTo(refused);
    }

    @Test
    void anUnknownDocumentIsNotFoundAndARefusalAt404LooksTheSame() {
        HttpTestClient http = new HttpTestClient(port());
        HttpResponse<String> unknown = http.get("/documents/d9", "Authorization", token("eve", "acme"));
        HttpResponse<String> refusal = http.get("/documents/d1", "Authorization", token("eve", "acme"));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("urn:policy-auth:problem:not-found");
        if (refused == 404) {
            assertThat(refusal.body()).isEqualTo(unknown.body());
            assertThat(refusal.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());
        }
        else {
            assertThat(refusal.body()).contains("urn:policy-auth:problem:forbidden");
        }
    }
}
