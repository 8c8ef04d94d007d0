package io.policyauth.core;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param tokenId the credential's id ({@code jti} or API key id), or {@code null}
 * @param expiresAt when the credential expires, or {@code null}
 * @param tenant the tenant, or {@code null}
 * @param mechanism the mechanism that authenticated the request, for example {@code jwt}
 * @param credential the kind of credential the caller presented, or {@code null} when unknown; a
 *        bearer token's 403 for a missing scope carries an {@code insufficient_scope} challenge
 * @param claims every other claim or attribute of the credential
 */
public record AuthenticatedUser(String subject, Set<String> scopes, Set<String> roles, @Nullable String tokenId,
        @Nullable Instant expiresAt, @Nullable String tenant, String mechanism,
        CredentialDescription.@Nullable Type credential, Map<String, Object> claims) {

    /** Mechanism of the anonymous user. */
    public static final String ANONYMOUS_MECHANISM = "anonymous";

    private static final AuthenticatedUser ANONYMOUS = builder("anonymous", ANONYMOUS_MECHANISM).build();

    public AuthenticatedUser {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(mechanism, "mechanism");
        scopes = lowerCase(scopes);
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        claims = claims == null || claims.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
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
        if (scopes.contains(required)) {
            return true;
        }
        for (String granted : scopes) {
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
     * @param presented the kind of credential the caller presented
     * @return this user, stating it; this very user when it states it already
     */
    public AuthenticatedUser presentedWith(CredentialDescription.Type presented) {
        return presented == credential ? this : new AuthenticatedUser(subject, scopes, roles, tokenId, expiresAt,
                tenant, mechanism, presented, claims);
    }

    private static Set<String> lowerCase(Collection<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            return Set.of();
        }
        Set<String> lower = new LinkedHashSet<>(scopes.size() * 2);
        for (String scope : scopes) {
            lower.add(scope.toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(lower);
    }

    /** Builds an {@link AuthenticatedUser}; what is not set is empty or {@code null}. */
    public static final class Builder {

        private final String subject;
        private final String mechanism;
        private Collection<String> scopes = Set.of();
        private Collection<String> roles = Set.of();
        private String tokenId;
        private Instant expiresAt;
        private String tenant;
        private CredentialDescription.Type credential;
        private Map<String, Object> claims = Map.of();

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
         * @return the user
         */
        public AuthenticatedUser build() {
            return new AuthenticatedUser(subject, asSet(scopes), asSet(roles), tokenId, expiresAt, tenant,
                    mechanism, credential, claims);
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
