package io.policyauth.test;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthenticatedUser;

/**
 * The caller a test puts in place of a credential check: who it is and what it holds.
 *
 * @param subject who the caller is
 * @param scopes the scopes it was granted
 * @param roles the roles it holds
 * @param tenant its tenant, or {@code null}
 * @param permissions the permissions it holds directly (under tenancy, its roles' are added)
 */
public record PolicyUser(String subject, List<String> scopes, List<String> roles, @Nullable String tenant,
        List<String> permissions) {

    /** The mechanism of {@link AuthenticatedUser}s made from a policy user. */
    public static final String MECHANISM = "policy-user";

    public PolicyUser {
        Objects.requireNonNull(subject, "subject");
        scopes = List.copyOf(scopes);
        roles = List.copyOf(roles);
        permissions = List.copyOf(permissions);
        tenant = tenant == null || tenant.isEmpty() ? null : tenant;
    }

    /**
     * @return the authenticated user the application sees, with a fresh token id, as a token or a
     *         key would give it (a handler may revoke it or log it)
     */
    public AuthenticatedUser toAuthenticatedUser() {
        AuthenticatedUser.Builder builder = AuthenticatedUser.builder(subject, MECHANISM).scopes(scopes).roles(roles)
                .permissions(permissions).tokenId(UUID.randomUUID().toString());
        return tenant == null ? builder.build() : builder.tenant(tenant).build();
    }
}
