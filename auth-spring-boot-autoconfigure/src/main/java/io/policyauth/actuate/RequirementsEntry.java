package io.policyauth.actuate;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.Requirements;

/**
 * Scopes, roles, permissions and a step-up as the endpoint shows them.
 *
 * @param scopes required scopes
 * @param roles required roles
 * @param permissions required permissions
 * @param acr authentication context classes any of which passes; empty for any
 * @param maxAge the most time since the caller authenticated, ISO-8601 ({@code PT5M}), or {@code null}
 */
public record RequirementsEntry(Set<String> scopes, Set<String> roles, Set<String> permissions, Set<String> acr,
        @Nullable String maxAge) {

    static RequirementsEntry of(Requirements requirements) {
        return new RequirementsEntry(requirements.scopes(), requirements.roles(), requirements.permissions(),
                requirements.acr(), requirements.maxAge() == null ? null : requirements.maxAge().toString());
    }
}
