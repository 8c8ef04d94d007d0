package io.policyauth.core;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a caller must hold beyond passing a policy: every listed scope (granted scopes may use
 * wildcards, see {@link ScopeMatcher}), every listed role and every listed permission (matched as
 * scopes are, against {@link AuthenticatedUser#permissions()}).
 *
 * @param scopes required scopes, lower case, literal
 * @param roles required roles, exact
 * @param permissions required permissions, lower case, literal
 */
public record Requirements(Set<String> scopes, Set<String> roles, Set<String> permissions) {

    /** No requirement. */
    public static final Requirements NONE = new Requirements(Set.of(), Set.of(), Set.of());

    /** The reason of a refusal for a missing permission. */
    public static final String INSUFFICIENT_PERMISSION = "insufficient_permission";

    public Requirements {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /**
     * Validated requirements.
     *
     * @param scopes required scopes; lower-cased
     * @param roles required roles
     * @return the requirements
     * @throws IllegalArgumentException when a required scope holds a wildcard or is blank
     */
    public static Requirements of(Collection<String> scopes, Collection<String> roles) {
        return of(scopes, roles, Set.of());
    }

    /**
     * Validated requirements.
     *
     * @param scopes required scopes; lower-cased
     * @param roles required roles
     * @param permissions required permissions; lower-cased
     * @return the requirements
     * @throws IllegalArgumentException when a required scope or permission holds a wildcard or is
     *         blank, or a role is blank
     */
    public static Requirements of(Collection<String> scopes, Collection<String> roles,
            Collection<String> permissions) {
        for (String role : roles) {
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException("A required role is blank");
            }
        }
        return new Requirements(literals("scope", scopes), new LinkedHashSet<>(roles),
                literals("permission", permissions));
    }

    private static Set<String> literals(String what, Collection<String> required) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String value : required) {
            if (value == null || value.isBlank() || ScopeMatcher.hasWildcard(value)) {
                throw new IllegalArgumentException("Required " + what + " '" + value + "' is invalid: required "
                        + what + "s are literal; wildcards belong in granted " + what + "s only");
            }
            normalized.add(value.trim().toLowerCase(Locale.ROOT));
        }
        return normalized;
    }

    /**
     * @return whether nothing is required
     */
    public boolean isEmpty() {
        return scopes.isEmpty() && roles.isEmpty() && permissions.isEmpty();
    }

    /**
     * This and another set of requirements together.
     *
     * @param other more requirements
     * @return the union
     */
    public Requirements and(Requirements other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Set<String> allScopes = new LinkedHashSet<>(scopes);
        allScopes.addAll(other.scopes);
        Set<String> allRoles = new LinkedHashSet<>(roles);
        allRoles.addAll(other.roles);
        Set<String> allPermissions = new LinkedHashSet<>(permissions);
        allPermissions.addAll(other.permissions);
        return new Requirements(allScopes, allRoles, allPermissions);
    }

    /**
     * Checks a caller.
     *
     * @param user the authenticated caller
     * @throws ForbiddenException with reason {@code insufficient_scope} (with an RFC 6750
     *         {@code Bearer} challenge naming the scopes for bearer-token callers) when a scope or role
     *         is missing, or {@value #INSUFFICIENT_PERMISSION} (no challenge: permissions are not OAuth
     *         scopes) when a permission is
     */
    public void check(AuthenticatedUser user) {
        if (!user.hasScopes(scopes)) {
            throw insufficient(user, "The caller lacks a required scope.");
        }
        if (!user.hasRoles(roles)) {
            throw insufficient(user, "The caller lacks a required role.");
        }
        if (!user.hasPermissions(permissions)) {
            throw new ForbiddenException(INSUFFICIENT_PERMISSION, "The caller lacks a required permission.", List.of());
        }
    }

    /*
     * RFC 6750 defines insufficient_scope for bearer tokens only; other schemes get the 403 with
     * no challenge rather than one the client cannot act on.
     */
    private ForbiddenException insufficient(AuthenticatedUser user, String detail) {
        if (user.credential() != CredentialDescription.Type.BEARER_TOKEN) {
            return new ForbiddenException("insufficient_scope", detail, List.of());
        }
        Challenge challenge = Challenge.of("Bearer").with("error", "insufficient_scope");
        if (!scopes.isEmpty()) {
            challenge = challenge.with("scope", String.join(" ", scopes));
        }
        return new ForbiddenException("insufficient_scope", detail, List.of(challenge));
    }

    @Override
    public String toString() {
        return permissions.isEmpty() ? "scopes=" + scopes + ", roles=" + roles
                : "scopes=" + scopes + ", roles=" + roles + ", permissions=" + permissions;
    }
}
