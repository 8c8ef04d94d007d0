package io.policyauth.actuate;

import java.util.Set;

import io.policyauth.core.Requirements;

/**
 * Scopes, roles and permissions as the endpoint shows them.
 *
 * @param scopes required scopes
 * @param roles required roles
 * @param permissions required permissions
 */
public record RequirementsEntry(Set<String> scopes, Set<String> roles, Set<String> permissions) {

    static RequirementsEntry of(Requirements requirements) {
        return new RequirementsEntry(requirements.scopes(), requirements.roles(), requirements.permissions());
    }
}
