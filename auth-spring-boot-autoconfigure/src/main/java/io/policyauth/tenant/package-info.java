/**
 * Tenancy: the roles each tenant defines for itself and assigns to its members, the platform's
 * roles, and the permissions a caller holds through them ({@link io.policyauth.tenant.TenantRoles},
 * {@link io.policyauth.tenant.TenantPermissionResolver}). Isolation itself is in {@code core}.
 */
@NullMarked
package io.policyauth.tenant;

import org.jspecify.annotations.NullMarked;
