package io.policyauth.tenant;

/**
 * Bounds on what a tenant may define, so that no tenant can make decisions slow or memory large.
 *
 * @param maxRolesPerTenant most roles one tenant may define
 * @param maxPermissionsPerRole most permissions one role may grant
 */
public record TenantLimits(int maxRolesPerTenant, int maxPermissionsPerRole) {

    /** The defaults: 256 and 256. */
    public static final TenantLimits DEFAULTS = new TenantLimits(256, 256);

    public TenantLimits {
        if (maxRolesPerTenant < 1 || maxPermissionsPerRole < 1) {
            throw new IllegalArgumentException("Tenant limits must be positive");
        }
    }
}
