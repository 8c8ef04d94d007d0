package io.policyauth.tenant;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The platform's roles ({@code policy-auth.tenancy.roles}): the same in every tenant, read-only to
 * tenants, looked up before a tenant's own definitions.
 *
 * @param permissionsByRole role name to the permissions it grants, lower case
 */
public record PlatformRoles(Map<String, Set<String>> permissionsByRole) {

    /** No platform role. */
    public static final PlatformRoles NONE = new PlatformRoles(Map.of());

    public PlatformRoles {
        Map<String, Set<String>> normalized = new LinkedHashMap<>();
        permissionsByRole.forEach((role, permissions) -> normalized.put(role, Set.copyOf(permissions.stream()
                .map(permission -> permission.toLowerCase(Locale.ROOT)).toList())));
        permissionsByRole = Map.copyOf(normalized);
    }

    /**
     * @param role a role name
     * @return whether it is a platform role
     */
    public boolean defines(String role) {
        return permissionsByRole.containsKey(role);
    }

    /**
     * What roles grant, each looked up here first and then among a tenant's own definitions; a role
     * defined in neither (deleted, or only a token's) grants nothing.
     *
     * @param roles role names
     * @param tenantRoles the caller's tenant's roles by name
     * @param into where the permissions are added
     */
    public void addPermissions(Collection<String> roles, Map<String, TenantRole> tenantRoles, Set<String> into) {
        for (String role : roles) {
            Set<String> granted = permissionsByRole.get(role);
            if (granted == null) {
                TenantRole defined = tenantRoles.get(role);
                granted = defined == null ? Set.of() : defined.permissions();
            }
            into.addAll(granted);
        }
    }

    /**
     * @param role a role name
     * @return the permissions it grants, or {@code null} when it is not a platform role
     */
    public @Nullable Set<String> permissionsOf(String role) {
        return permissionsByRole.get(role);
    }
}
