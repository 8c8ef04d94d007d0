package io.policyauth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuthenticatedUserTests {

    @Test
    void scopesFromSpaceSeparatedScopeClaimAreLowerCased() {
        AuthenticatedUser user = AuthenticatedUser.fromClaims(
                Map.of("sub", "alice", "scope", "Orders:Read  orders:write", "exp", 2_000_000_000L), "roles", "jwt");

        assertThat(user.subject()).isEqualTo("alice");
        assertThat(user.scopes()).containsExactly("orders:read", "orders:write");
        assertThat(user.rawScope()).isEqualTo("Orders:Read  orders:write");
        assertThat(user.expiresAt()).isEqualTo(Instant.ofEpochSecond(2_000_000_000L));
        assertThat(user.mechanism()).isEqualTo("jwt");
    }

    @Test
    void scopesFromScpArrayWhenNoScopeClaim() {
        AuthenticatedUser user = AuthenticatedUser.fromClaims(Map.of("sub", "bob", "scp", List.of("A", "b")),
                "roles", "jwt");

        assertThat(user.scopes()).containsExactly("a", "b");
        assertThat(user.rawScope()).isNull();
    }

    @Test
    void rolesFromConfiguredClaimAndTheRestKeptAsClaims() {
        AuthenticatedUser user = AuthenticatedUser.fromClaims(Map.of("sub", "carol", "groups", List.of("Admin"),
                "jti", "id-1", "tenant", "acme", "email", "c@example.test"), "groups", "jwt");

        assertThat(user.roles()).containsExactly("Admin");
        assertThat(user.tokenId()).isEqualTo("id-1");
        assertThat(user.tenant()).isEqualTo("acme");
        assertThat(user.claims()).containsOnlyKeys("email");
        assertThat(user.hasRoles(List.of("Admin"))).isTrue();
        assertThat(user.hasScopes(List.of("x"))).isFalse();
    }

    @Test
    void anonymousUserIsRecognizable() {
        assertThat(AuthenticatedUser.anonymous().isAnonymous()).isTrue();
        assertThat(AuthenticatedUser.fromClaims(Map.of("sub", "x"), "roles", "jwt").isAnonymous()).isFalse();
    }
}
