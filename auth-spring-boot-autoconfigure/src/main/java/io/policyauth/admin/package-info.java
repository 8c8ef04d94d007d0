/**
 * Endpoints for administration, answered on either web stack as
 * {@link io.policyauth.web.DirectEndpoints}: the tenant admin API (tenants' administrators manage
 * their own roles and members, over {@link io.policyauth.tenant.TenantRoles}) and the secret
 * scanning endpoint (leaked API keys revoke themselves, over {@link io.policyauth.apikey.ApiKeyManager}).
 */
@NullMarked
package io.policyauth.admin;

import org.jspecify.annotations.NullMarked;
