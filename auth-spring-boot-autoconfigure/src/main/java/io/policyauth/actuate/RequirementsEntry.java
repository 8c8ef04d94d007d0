package io.policyauth.actuate;

import java.util.Set;

import io.policyauth.core.Requirements;

/**
 * Scopes and roles as the endpoint shows them.
 *
 * @param scopes required scopes
 * @param roles required roles
 */
public record RequirementsEntry(Set<String> scopes, Set<String> roles) {

    static RequirementsEntry of(Requirements requirements) {
        return new RequirementsEntry(requirements.scopes(), requirements.roles());
    }
}
