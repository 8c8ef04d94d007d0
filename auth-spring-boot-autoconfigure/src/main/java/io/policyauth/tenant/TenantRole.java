package io.policyauth.tenant;

import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A role a tenant defined: its name and the permissions it grants.
 *
 * @param name the role's name, unique in its tenant
 * @param permissions the permissions it grants, lower case, wildcards allowed
 * @param description what the role is for, or {@code null}
 */
public record TenantRole(String name, Set<String> permissions, @Nullable String description) {

    public TenantRole {
        Objects.requireNonNull(name, "name");
        permissions = Set.copyOf(permissions);
    }
}
