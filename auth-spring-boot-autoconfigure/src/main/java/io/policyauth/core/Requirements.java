package io.policyauth.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a caller must hold beyond passing a policy: every listed scope (granted scopes may use
 * wildcards, see {@link ScopeMatcher}), every listed role and every listed permission (matched as
 * scopes are, against {@link AuthenticatedUser#permissions()}); and, for a step-up (RFC 9470), a
 * token whose {@code acr} is one of those listed and whose {@code auth_time} is at most
 * {@code maxAge} ago.
 *
 * @param scopes required scopes, lower case, literal
 * @param roles required roles, exact
 * @param permissions required permissions, lower case, literal
 * @param acr authentication context classes any of which passes; empty for no requirement
 * @param maxAge the most time since the caller authenticated, or {@code null} for no requirement
 */
public record Requirements(Set<String> scopes, Set<String> roles, Set<String> permissions, Set<String> acr,
        @Nullable Duration maxAge) {

    /** No requirement. */
    public static final Requirements NONE = new Requirements(Set.of(), Set.of(), Set.of());

    /** The reason of a refusal for a missing permission. */
    public static final String INSUFFICIENT_PERMISSION = "insufficient_permission";

    /** The reason (and RFC 9470 error) of a refusal for a login too old or too weak. */
    public static final String INSUFFICIENT_USER_AUTHENTICATION = "insufficient_user_authentication";

    public Requirements {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
        acr = Collections.unmodifiableSet(new LinkedHashSet<>(acr));
        if (maxAge != null && maxAge.isNegative()) {
            throw new IllegalArgumentException("max-age must not be negative, got " + maxAge);
        }
    }

    /**
     * Requirements without a step-up.
     *
     * @param scopes required scopes, lower case, literal
     * @param roles required roles, exact
     * @param permissions required permissions, lower case, literal
     */
    public Requirements(Set<String> scopes, Set<String> roles, Set<String> permissions) {
        this(scopes, roles, permissions, Set.of(), null);
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

    /**
     * These requirements with a step-up.
     *
     * @param classes authentication context classes any of which passes; empty for none
     * @param age the most time since the caller authenticated, or {@code null} for no limit
     * @return the requirements
     * @throws IllegalArgumentException for a blank class or a negative age
     */
    public Requirements withStepUp(Collection<String> classes, @Nullable Duration age) {
        for (String value : classes) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("A required acr is blank");
            }
        }
        return new Requirements(scopes, roles, permissions, new LinkedHashSet<>(classes), age);
    }

    /**
     * @return whether a step-up is required: an {@code acr} or a {@code max-age}
     */
    public boolean hasStepUp() {
        return !acr.isEmpty() || maxAge != null;
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
        return scopes.isEmpty() && roles.isEmpty() && permissions.isEmpty() && !hasStepUp();
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
        // Both must pass: an acr both accept, the shorter age.
        Set<String> bothAcr = new LinkedHashSet<>(acr.isEmpty() ? other.acr : acr);
        if (!acr.isEmpty() && !other.acr.isEmpty()) {
            bothAcr.retainAll(other.acr);
            if (bothAcr.isEmpty()) {
                throw new IllegalArgumentException("Required acr " + acr + " and " + other.acr
                        + " have none in common");
            }
        }
        Duration bothAge = maxAge == null ? other.maxAge
                : other.maxAge == null || maxAge.compareTo(other.maxAge) <= 0 ? maxAge : other.maxAge;
        return new Requirements(allScopes, allRoles, allPermissions, bothAcr, bothAge);
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
        if (hasStepUp()) {
            throw new IllegalStateException("A step-up is checked against a time: use check(user, now)");
        }
        checkHeld(user);
    }

    /**
     * Checks a caller, a step-up included.
     *
     * @param user the authenticated caller
     * @param now the time of the request
     * @throws ForbiddenException as {@link #check(AuthenticatedUser)} does
     * @throws AuthenticationException with reason {@value #INSUFFICIENT_USER_AUTHENTICATION} and an RFC 9470
     *         challenge naming {@code acr_values} and {@code max_age} when a bearer token's login is too
     *         weak or too old; a {@link ForbiddenException} with that reason for other credentials
     */
    public void check(AuthenticatedUser user, Instant now) {
        checkHeld(user);
        if (hasStepUp() && !(acrMet(user) && ageMet(user, now))) {
            throw insufficientAuthentication(user);
        }
    }

    private boolean acrMet(AuthenticatedUser user) {
        return acr.isEmpty() || user.claims().get("acr") instanceof String held && acr.contains(held);
    }

    private boolean ageMet(AuthenticatedUser user, Instant now) {
        if (maxAge == null) {
            return true;
        }
        if (!(user.claims().get("auth_time") instanceof Number authTime)) {
            return false;
        }
        return !Instant.ofEpochSecond(authTime.longValue()).plus(maxAge).isBefore(now);
    }

    private AuthException insufficientAuthentication(AuthenticatedUser user) {
        String detail = "The caller must authenticate again, or more strongly.";
        if (user.credential() != CredentialDescription.Type.BEARER_TOKEN) {
            return new ForbiddenException(INSUFFICIENT_USER_AUTHENTICATION, detail, List.of());
        }
        Challenge challenge = Challenge.of("Bearer").with("error", INSUFFICIENT_USER_AUTHENTICATION)
                .with("error_description", "A different authentication level is required");
        if (!acr.isEmpty()) {
            challenge = challenge.with("acr_values", String.join(" ", acr));
        }
        if (maxAge != null) {
            challenge = challenge.with("max_age", Long.toString(maxAge.toSeconds()));
        }
        return new AuthenticationException(INSUFFICIENT_USER_AUTHENTICATION, detail, true, List.of(challenge), null);
    }

    private void checkHeld(AuthenticatedUser user) {
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
        String held = permissions.isEmpty() ? "scopes=" + scopes + ", roles=" + roles
                : "scopes=" + scopes + ", roles=" + roles + ", permissions=" + permissions;
        return held + (acr.isEmpty() ? "" : ", acr=" + acr) + (maxAge == null ? "" : ", max-age=" + maxAge);
    }
}
