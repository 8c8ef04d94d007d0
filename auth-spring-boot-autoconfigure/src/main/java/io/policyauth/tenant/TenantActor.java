package io.policyauth.tenant;

import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthenticatedUser;

/**
 * Who changes a tenant's roles, for audit and for the rule that nobody grants more than they hold.
 *
 * @param name the actor's name in the audit trail
 * @param permissions what the actor holds, or {@code null} for the application itself, which may
 *        grant anything
 */
public record TenantActor(String name, @Nullable Set<String> permissions) {

    public TenantActor {
        Objects.requireNonNull(name, "name");
        permissions = permissions == null ? null : Set.copyOf(permissions);
    }

    /**
     * @param name how the audit trail names the application's change, for example {@code "billing-sync"}
     * @return the application acting on its own authority
     */
    public static TenantActor application(String name) {
        return new TenantActor(name, null);
    }

    /**
     * @param caller an authenticated caller, with its permissions resolved
     * @return the caller, who may grant only what it holds
     */
    public static TenantActor of(AuthenticatedUser caller) {
        return new TenantActor(caller.subject(), caller.permissions());
    }
}
