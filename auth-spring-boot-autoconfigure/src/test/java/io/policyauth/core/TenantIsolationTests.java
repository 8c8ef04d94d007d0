package io.policyauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Where a request names its tenant, and who may act in it. */
class TenantIsolationTests {

    private final TenantIsolation isolation = new TenantIsolation("tenantId", "X-Tenant-Id", "api.example.com",
            Set.of("platform-admin"));

    @Test
    void anEndpointDeclaresItsBinding() {
        assertThat(isolation.binding("")).isEqualTo(TenantBinding.isolated("tenantId"));
        assertThat(isolation.binding("{orgId}")).isEqualTo(TenantBinding.isolated("orgId"));
        assertThat(isolation.binding("none")).isEqualTo(TenantBinding.NONE);
        assertThatThrownBy(() -> isolation.binding("orgId")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{name}");
        assertThat(isolation.binding("{orgId}")).hasToString("{orgId}");
    }

    @Test
    void everySourceNamesTheTenantAndTheyMustAgree() {
        TenantBinding binding = TenantBinding.isolated("tenantId");

        assertThat(isolation.targetOf(request("http://localhost/x", Map.of("tenantId", "acme"), Map.of()), binding))
                .isEqualTo("acme");
        assertThat(isolation.targetOf(request("http://localhost/x", Map.of(), Map.of("X-Tenant-Id", List.of("acme"))),
                binding)).isEqualTo("acme");
        assertThat(isolation.targetOf(request("http://acme.api.example.com/x", Map.of(), Map.of()), binding))
                .isEqualTo("acme");
        assertThat(isolation.targetOf(request("http://api.example.com/x", Map.of(), Map.of()), binding)).isNull();
        assertThat(isolation.targetOf(request("http://acme.api.example.com/x", Map.of("tenantId", "acme"),
                Map.of("X-Tenant-Id", List.of("acme"))), binding)).isEqualTo("acme");
        assertConflict(request("http://localhost/x", Map.of("tenantId", "acme"),
                Map.of("X-Tenant-Id", List.of("globex"))), binding);
        assertConflict(request("http://localhost/x", Map.of(), Map.of("X-Tenant-Id", List.of("acme", "globex"))),
                binding);
        assertConflict(request("http://globex.api.example.com/x", Map.of("tenantId", "acme"), Map.of()), binding);
        assertConflict(request("http://a.b.api.example.com/x", Map.of(), Map.of()), binding);
        assertThat(isolation.targetOf(request("http://localhost/x", Map.of("tenantId", "acme"), Map.of()),
                TenantBinding.NONE)).isNull();
    }

    @Test
    void onlyTheTenantsOwnCallersAndCrossTenantRolesAreAdmitted() {
        AuthenticatedUser acme = AuthenticatedUser.builder("bob", "jwt").tenant("acme").build();

        assertThat(isolation.admit(acme, "acme")).isFalse();
        assertThatThrownBy(() -> isolation.admit(acme, "Acme")).isInstanceOf(TenantMismatchException.class);
        assertThatThrownBy(() -> isolation.admit(AuthenticatedUser.builder("x", "jwt").build(), "acme"))
                .isInstanceOf(TenantMismatchException.class);
        assertThat(isolation.admit(AuthenticatedUser.builder("root", "jwt").roles(Set.of("platform-admin")).build(),
                "acme")).isTrue();
    }

    @Test
    void theIsolatedPolicyReadsTheTenantBeforeTheCredential() {
        AuthExecutor refusing = new AuthExecutor() {
            @Override
            public String policy() {
                return "refusing";
            }

            @Override
            public AuthenticatedUser execute(SecurityRequestContext context) {
                throw new AuthenticationException("missing", "No credential.", false, List.of(), null);
            }
        };
        AuthExecutor isolated = Policies.isolated(refusing, isolation, TenantBinding.isolated("tenantId"));
        SecurityRequestContext conflicting = request("http://localhost/x", Map.of("tenantId", "acme"),
                Map.of("X-Tenant-Id", List.of("globex")));

        assertThatThrownBy(() -> isolated.execute(conflicting)).isInstanceOf(InvalidCredentialRequestException.class);
        assertThat(isolated.targetTenant(conflicting)).isNull();
        assertThat(Policies.isolated(refusing, isolation, TenantBinding.NONE)).isSameAs(refusing);
    }

    private static void assertConflict(SecurityRequestContext context, TenantBinding binding) {
        assertThatThrownBy(() -> new TenantIsolation("tenantId", "X-Tenant-Id", "api.example.com", Set.of())
                .targetOf(context, binding)).isInstanceOfSatisfying(InvalidCredentialRequestException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(TenantIsolation.CONFLICTING_TENANT));
    }

    private static SecurityRequestContext request(String url, Map<String, String> variables,
            Map<String, List<String>> headers) {
        return SecurityRequestContext.builder("127.0.0.1", RequestHeaders.of(headers), "GET", "/x")
                .pathVariables(variables).requestUrl(RequestUrl.of(() -> url)).build();
    }
}
