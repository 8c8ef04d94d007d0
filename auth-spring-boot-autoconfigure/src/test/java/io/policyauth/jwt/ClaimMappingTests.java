package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.policyauth.core.AuthenticatedUser;

class ClaimMappingTests {

    private final ClaimMapping defaults = ClaimMapping.DEFAULT;

    @Test
    void scopesFromSpaceSeparatedScopeClaimAreLowerCased() {
        AuthenticatedUser user = defaults.toUser(
                Map.of("sub", "alice", "scope", "Orders:Read  orders:write", "exp", 2_000_000_000L), "jwt");

        assertThat(user.subject()).isEqualTo("alice");
        assertThat(user.scopes()).containsExactly("orders:read", "orders:write");
        assertThat(user.expiresAt()).isEqualTo(Instant.ofEpochSecond(2_000_000_000L));
        assertThat(user.mechanism()).isEqualTo("jwt");
    }

    @Test
    void scopesFromScpArrayWhenNoScopeClaim() {
        AuthenticatedUser user = defaults.toUser(Map.of("sub", "bob", "scp", List.of("A", "b")), "jwt");

        assertThat(user.scopes()).containsExactly("a", "b");
    }

    @Test
    void rolesFromConfiguredClaimAndTheRestKeptAsClaims() {
        AuthenticatedUser user = defaults.withRoles(List.of("groups")).toUser(Map.of("sub", "carol", "groups",
                List.of("Admin"), "jti", "id-1", "tenant", "acme", "email", "c@example.test"), "jwt");

        assertThat(user.roles()).containsExactly("Admin");
        assertThat(user.tokenId()).isEqualTo("id-1");
        assertThat(user.tenant()).isEqualTo("acme");
        assertThat(user.claims()).containsOnlyKeys("email");
        assertThat(user.hasRoles(List.of("Admin"))).isTrue();
        assertThat(user.hasScopes(List.of("x"))).isFalse();
        assertThat(user.isAnonymous()).isFalse();
    }

    @Test
    void keycloakRealmAndClientRolesAreJoinedFromNestedPaths() {
        Map<String, Object> claims = Map.of("sub", "service-account-orders",
                "realm_access", Map.of("roles", List.of("admin", "offline_access")),
                "resource_access", Map.of("orders-api", Map.of("roles", List.of("orders-writer")),
                        "account", Map.of("roles", List.of("manage-account"))));
        ClaimMapping keycloak = defaults.withRoles(List.of("realm_access.roles", "resource_access.orders-api.roles"));

        AuthenticatedUser user = keycloak.toUser(claims, "jwt");

        assertThat(user.roles()).containsExactly("admin", "offline_access", "orders-writer");
        assertThat(user.claims()).containsKeys("realm_access", "resource_access");
    }

    @Test
    void bracketsKeepDotsAndColonsAreOrdinary() {
        ClaimMapping auth0AndCognito = defaults.withRoles(List.of("[https://example.com/roles]", "cognito:groups"));

        AuthenticatedUser user = auth0AndCognito.toUser(Map.of("sub", "u", "https://example.com/roles",
                List.of("editor"), "cognito:groups", "readers writers"), "jwt");

        assertThat(user.roles()).containsExactly("editor", "readers", "writers");
        assertThat(ClaimPath.parse("[a.b].c").segments()).containsExactly("a.b", "c");
    }

    @Test
    void anythingButStringsOrArraysOfStringsInAMappedClaimIsIgnored() {
        AuthenticatedUser user = defaults.withRoles(List.of("roles", "realm_access.roles")).toUser(Map.of("sub", "v",
                "roles", 42, "realm_access", "not an object", "scope", Map.of("x", 1)), "jwt");

        assertThat(user.roles()).isEmpty();
        assertThat(user.scopes()).isEmpty();
    }

    @Test
    void theSubjectAndTenantAreTheFirstPathHoldingAString() {
        ClaimMapping mapping = ClaimMapping.of(List.of("oid", "sub"), List.of("scp"), List.of("roles"),
                List.of("org.id", "tid"));

        AuthenticatedUser user = mapping.toUser(Map.of("sub", "pairwise", "oid", "object-1", "tid", "t-9"), "jwt");

        assertThat(user.subject()).isEqualTo("object-1");
        assertThat(user.tenant()).isEqualTo("t-9");
        assertThat(mapping.subjectOf(Map.of("other", "x"))).isNull();
    }

    @Test
    void malformedPathsAreRefused() {
        for (String bad : new String[] {"", "a..b", "a.", "[unclosed", "[a]b"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> ClaimPath.parse(bad));
        }
    }
}
