package io.policyauth.core;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a caller must hold beyond passing a policy: every listed scope (granted scopes may use
 * wildcards, see {@link ScopeMatcher}) and every listed role.
 *
 * @param scopes required scopes, lower case, literal
 * @param roles required roles, exact
 */
public record Requirements(Set<String> scopes, Set<String> roles) {

    /** No requirement. */
    public static final Requirements NONE = new Requirements(Set.of(), Set.of());

    public Requirements {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
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
        Set<String> normalized = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (scope == null || scope.isBlank() || ScopeMatcher.hasWildcard(scope)) {
                throw new IllegalArgumentException("Required scope '" + scope
                        + "' is invalid: required scopes are literal; wildcards belong in granted scopes only");
            }
            normalized.add(scope.trim().toLowerCase(Locale.ROOT));
        }
        for (String role : roles) {
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException("A required role is blank");
            }
        }
        return new Requirements(normalized, new LinkedHashSet<>(roles));
    }

    /**
     * @return whether nothing is required
     */
    public boolean isEmpty() {
        return scopes.isEmpty() && roles.isEmpty();
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
        return new Requirements(allScopes, allRoles);
    }

    /**
     * Checks a caller.
     *
     * @param user the authenticated caller
     * @throws ForbiddenException with reason {@code insufficient_scope} (with an RFC 6750
     *         {@code Bearer} challenge naming the scopes for bearer-token callers) when something is missing
     */
    public void check(AuthenticatedUser user) {
        if (!user.hasScopes(scopes)) {
            throw insufficient(user, "The caller lacks a required scope.");
        }
        if (!user.hasRoles(roles)) {
            throw insufficient(user, "The caller lacks a required role.");
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
        return "scopes=" + scopes + ", roles=" + roles;
    }
}
