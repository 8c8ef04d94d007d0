package io.policyauth.tenant;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.PermissionResolver;

/**
 * The permissions of a caller: those it holds directly, plus those of its roles (from its token or
 * key) and of the roles its tenant assigned to its subject. Each role is looked up in the platform
 * roles first, then in the caller's own tenant's definitions; a role defined nowhere (deleted, or
 * only a token's) grants nothing. A caller without a tenant has its roles' platform permissions only.
 */
public final class TenantPermissionResolver implements PermissionResolver {

    private final PlatformRoles platform;
    private final TenantDirectory directory;

    /**
     * @param platform the platform's roles
     * @param directory the tenants' roles and members
     */
    public TenantPermissionResolver(PlatformRoles platform, TenantDirectory directory) {
        this.platform = platform;
        this.directory = directory;
    }

    @Override
    public boolean mayBlock() {
        return directory.mayBlock();
    }

    @Override
    public AuthenticatedUser resolve(AuthenticatedUser user) {
        String tenant = user.tenant();
        Map<String, TenantRole> tenantRoles = tenant == null ? Map.of() : directory.roles(tenant);
        Set<String> assigned = tenant == null ? Set.of() : directory.memberRoles(tenant, user.subject());
        if (user.roles().isEmpty() && assigned.isEmpty()) {
            return user;
        }
        Set<String> permissions = new LinkedHashSet<>(user.permissions());
        platform.addPermissions(user.roles(), tenantRoles, permissions);
        platform.addPermissions(assigned, tenantRoles, permissions);
        return user.withPermissions(permissions);
    }
}
