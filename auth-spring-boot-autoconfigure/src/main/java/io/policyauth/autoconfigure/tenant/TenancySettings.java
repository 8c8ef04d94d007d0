package io.policyauth.autoconfigure.tenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.core.TenantIsolation;
import io.policyauth.tenant.PlatformRoles;
import io.policyauth.tenant.TenantLimits;
import io.policyauth.tenant.TenantRoles;

/** Checks the tenancy properties that are values, not beans, naming the property at fault. */
final class TenancySettings {

    private static final String WHAT_TO_DO = "Correct the policy-auth.tenancy property named above; the README's "
            + "Tenants section lists each.";

    private TenancySettings() {
    }

    static TenantIsolation isolation(TenancyProperties tenancy) {
        try {
            return new TenantIsolation(tenancy.getPathVariable(), tenancy.getHeader(), tenancy.getSubdomainOf(),
                    Set.copyOf(tenancy.getCrossTenantRoles()));
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException(TenancyProperties.PREFIX + ": " + invalid.getMessage(),
                    WHAT_TO_DO, invalid);
        }
    }

    static PlatformRoles platformRoles(TenancyProperties tenancy) {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        tenancy.getRoles().forEach((role, permissions) -> {
            for (String permission : permissions) {
                if (!TenantRoles.isPermission(permission)) {
                    throw new PolicyAuthConfigurationException(TenancyProperties.PREFIX + ".roles." + role
                            + ": permission '" + permission + "' is invalid: write it as a scope of 1 to 128 "
                            + "characters, without spaces",
                            WHAT_TO_DO);
                }
            }
            roles.put(role, Set.copyOf(permissions));
        });
        return new PlatformRoles(roles);
    }

    static TenantLimits limits(TenancyProperties tenancy) {
        try {
            return new TenantLimits(tenancy.getMaxRolesPerTenant(), tenancy.getMaxPermissionsPerRole());
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException(TenancyProperties.PREFIX + ".max-roles-per-tenant and "
                    + "max-permissions-per-role must be positive", WHAT_TO_DO, invalid);
        }
    }
}
