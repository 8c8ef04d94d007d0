package io.policyauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeMatcherTests {

    @ParameterizedTest(name = "{0} grants {1}: {2}")
    @CsvSource({
        "orders:write, orders:write, true",
        "orders:*, orders:write, true",
        "orders:*, orders:items:read, true",
        "orders:*, orders, true",
        "*:*, billing:refund, true",
        "*:*, read, true",
        "*:read, orders:read, true",
        "*:read, orders:write, false",
        "orders:*, billing:read, false",
        "orders:read, orders:write, false",
        "orders, orders:read, false",
        "orders:*:read, orders:items:read, true",
        "orders:*:read, orders:items:write, false",
        "orders:*:read, orders:read, false",
        "ord*, orders, false"
    })
    void segmentWildcards(String granted, String required, boolean expected) {
        assertThat(ScopeMatcher.grants(granted, required)).isEqualTo(expected);
    }

    @Test
    void requiredScopesMayNotHoldWildcards() {
        assertThatThrownBy(() -> Requirements.of(List.of("orders:*"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'orders:*'")
                .hasMessageContaining("wildcards belong in granted scopes only");
    }

    @Test
    void requirementsCheckScopesCaseInsensitivelyAndRolesExactly() {
        Requirements requirements = Requirements.of(List.of("Orders:Read"), List.of("admin"));
        AuthenticatedUser user = AuthenticatedUser.builder("u", "jwt").scopes(Set.of("orders:read"))
                .roles(Set.of("admin")).build();
        AuthenticatedUser noRole = AuthenticatedUser.builder("u", "jwt").scopes(Set.of("orders:read"))
                .roles(Set.of("Admin")).build();

        requirements.check(user);
        assertThatThrownBy(() -> requirements.check(noRole)).isInstanceOfSatisfying(ForbiddenException.class,
                e -> assertThat(e.reason()).isEqualTo("insufficient_scope"));
    }
}
