package io.policyauth.core;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who a request was authenticated as, whatever the mechanism (a JWT's claims are mapped to one
 * by the {@code jwt} package's {@code ClaimMapping}). The record keeps its own invariants
 * (scopes lower case, collections copied and unmodifiable); build one with {@link #builder}.
 *
 * @param subject the principal: a token's {@code sub}, a key's owner, a client address
 * @param scopes granted scopes, lower-cased here
 * @param roles granted roles, as issued
 * @param permissions permissions, lower-cased here: those granted directly (test users) and, under
 *        tenancy, those of the caller's roles and of the roles its tenant assigned to it; may use
 *        wildcards as scopes do
 * @param tokenId the credential's id ({@code jti} or API key id), or {@code null}
 * @param expiresAt when the credential expires, or {@code null}
 * @param tenant the tenant, or {@code null}
 * @param mechanism the mechanism that authenticated the request, for example {@code jwt}
 * @param credential the kind of credential the caller presented, or {@code null} when unknown; a
 *        bearer token's 403 for a missing scope carries an {@code insufficient_scope} challenge
 * @param claims every other claim or attribute of the credential
 * @param rateLimits the caller's own rate limits (an API key's), counting its requests in place of an
 *        endpoint's limit, or {@code null}
 */
public record AuthenticatedUser(String subject, Set<String> scopes, Set<String> roles, Set<String> permissions,
        @Nullable String tokenId,
        @Nullable Instant expiresAt, @Nullable String tenant, String mechanism,
        CredentialDescription.@Nullable Type credential, Map<String, Object> claims,
        @Nullable CallerRateLimits rateLimits) {

    /** Mechanism of the anonymous user. */
    public static final String ANONYMOUS_MECHANISM = "anonymous";

    private static final AuthenticatedUser ANONYMOUS = builder("anonymous", ANONYMOUS_MECHANISM).build();

    public AuthenticatedUser {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(mechanism, "mechanism");
        scopes = FrozenCollections.lowerCase(scopes);
        permissions = FrozenCollections.lowerCase(permissions);
        roles = FrozenCollections.set(roles);
        claims = FrozenCollections.map(claims);
    }

    /**
     * A user without rate limits of its own.
     *
     * @see #builder(String, String)
     */
    public AuthenticatedUser(String subject, Set<String> scopes, Set<String> roles, Set<String> permissions,
            @Nullable String tokenId, @Nullable Instant expiresAt, @Nullable String tenant, String mechanism,
            CredentialDescription.@Nullable Type credential, Map<String, Object> claims) {
        this(subject, scopes, roles, permissions, tokenId, expiresAt, tenant, mechanism, credential, claims, null);
    }

    /**
     * @return how the credential is bound to its holder, by its confirmation claim (RFC 7800
     *         {@code cnf}): {@code dpop} for a key thumbprint ({@code jkt}, RFC 9449), {@code mtls}
     *         for a certificate thumbprint ({@code x5t#S256}, RFC 8705); {@code null} when it is not bound
     */
    public @Nullable String binding() {
        if (!(claims.get("cnf") instanceof Map<?, ?> confirmation)) {
            return null;
        }
        return confirmation.containsKey("jkt") ? "dpop" : confirmation.containsKey("x5t#S256") ? "mtls" : null;
    }

    /**
     * @param subject the principal
     * @param mechanism the mechanism that authenticated it, for example {@code db_api_key}
     * @return a builder of a user with no scope, role, credential id, expiry, tenant or claim yet
     */
    public static Builder builder(String subject, String mechanism) {
        return new Builder(subject, mechanism);
    }

    /**
     * The user of a {@code public} request: no credential was used.
     *
     * @return the shared anonymous user
     */
    public static AuthenticatedUser anonymous() {
        return ANONYMOUS;
    }

    /**
     * Whether no credential authenticated this user.
     *
     * @return {@code true} for the anonymous user
     */
    public boolean isAnonymous() {
        return ANONYMOUS_MECHANISM.equals(mechanism);
    }

    /**
     * Whether every given scope was granted, as {@code @RequiresPolicy(scopes = ...)} decides it:
     * case-insensitively, a granted scope's wildcards included (see {@link ScopeMatcher}).
     *
     * @param required literal scopes to look for
     * @return {@code true} when all are granted
     */
    public boolean hasScopes(Collection<String> required) {
        for (String scope : required) {
            if (!hasScope(scope.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private boolean hasScope(String required) {
        return covers(scopes, required);
    }

    private static boolean covers(Set<String> held, String required) {
        if (held.contains(required)) {
            return true;
        }
        for (String granted : held) {
            if (ScopeMatcher.grants(granted, required)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every given role was granted.
     *
     * @param required the roles to look for
     * @return {@code true} when all are present
     */
    public boolean hasRoles(Collection<String> required) {
        return roles.containsAll(required);
    }

    /**
     * Whether every given permission is held, by the same matching as scopes (a held
     * {@code invoices:*} covers {@code invoices:read}; see {@link ScopeMatcher}).
     *
     * @param required permissions to look for, possibly with wildcards (then only a wildcard at
     *        least as wide covers them)
     * @return {@code true} when all are held
     */
    public boolean hasPermissions(Collection<String> required) {
        for (String permission : required) {
            if (!covers(permissions, permission.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param resolved the caller's permissions, in full
     * @return this user holding exactly those permissions
     */
    public AuthenticatedUser withPermissions(Set<String> resolved) {
        return resolved.equals(permissions) ? this : new AuthenticatedUser(subject, scopes, roles, resolved, tokenId,
                expiresAt, tenant, mechanism, credential, claims, rateLimits);
    }

    /**
     * @param presented the kind of credential the caller presented
     * @return this user, stating it; this very user when it states it already
     */
    public AuthenticatedUser presentedWith(CredentialDescription.Type presented) {
        return presented == credential ? this : new AuthenticatedUser(subject, scopes, roles, permissions, tokenId,
                expiresAt, tenant, mechanism, presented, claims, rateLimits);
    }

    /** Builds an {@link AuthenticatedUser}; what is not set is empty or {@code null}. */
    public static final class Builder {

        private final String subject;
        private final String mechanism;
        private Collection<String> scopes = Set.of();
        private Collection<String> roles = Set.of();
        private Collection<String> permissions = Set.of();
        private String tokenId;
        private Instant expiresAt;
        private String tenant;
        private CredentialDescription.Type credential;
        private Map<String, Object> claims = Map.of();
        private CallerRateLimits rateLimits;

        private Builder(String subject, String mechanism) {
            this.subject = subject;
            this.mechanism = mechanism;
        }

        /**
         * @param granted granted scopes, in any case
         * @return this builder
         */
        public Builder scopes(Collection<String> granted) {
            this.scopes = granted;
            return this;
        }

        /**
         * @param granted granted roles
         * @return this builder
         */
        public Builder roles(Collection<String> granted) {
            this.roles = granted;
            return this;
        }

        /**
         * @param held permissions held directly, in any case; under tenancy, those of the
         *        caller's roles are added when it is authenticated
         * @return this builder
         */
        public Builder permissions(Collection<String> held) {
            this.permissions = held;
            return this;
        }

        /**
         * @param id the credential's id ({@code jti} or API key id)
         * @return this builder
         */
        public Builder tokenId(String id) {
            this.tokenId = id;
            return this;
        }

        /**
         * @param expiry when the credential expires
         * @return this builder
         */
        public Builder expiresAt(Instant expiry) {
            this.expiresAt = expiry;
            return this;
        }

        /**
         * @param name the tenant
         * @return this builder
         */
        public Builder tenant(String name) {
            this.tenant = name;
            return this;
        }

        /**
         * @param presented the kind of credential the caller presented
         * @return this builder
         */
        public Builder credential(CredentialDescription.Type presented) {
            this.credential = presented;
            return this;
        }

        /**
         * @param attributes every other claim or attribute of the credential
         * @return this builder
         */
        public Builder claims(Map<String, Object> attributes) {
            this.claims = attributes;
            return this;
        }

        /**
         * @param own the caller's own rate limits, in place of an endpoint's
         * @return this builder
         */
        public Builder rateLimits(CallerRateLimits own) {
            this.rateLimits = own;
            return this;
        }

        /**
         * @return the user
         */
        public AuthenticatedUser build() {
            return new AuthenticatedUser(subject, asSet(scopes), asSet(roles), asSet(permissions), tokenId, expiresAt,
                    tenant, mechanism, credential, claims, rateLimits);
        }

        // The record copies what it is given: a set is passed as it is, anything else gathered once.
        private static @Nullable Set<String> asSet(@Nullable Collection<String> values) {
            if (values == null) {
                return null;
            }
            return values instanceof Set<String> set ? set : new LinkedHashSet<>(values);
        }
    }
}
