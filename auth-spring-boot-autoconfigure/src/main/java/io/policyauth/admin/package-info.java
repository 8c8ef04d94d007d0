/**
 * The tenant admin API: tenants' administrators manage their own roles and members over HTTP,
 * answered on either web stack as {@link io.policyauth.web.DirectEndpoints}, over
 * {@link io.policyauth.tenant.TenantRoles}.
 */
@NullMarked
package io.policyauth.admin;

import org.jspecify.annotations.NullMarked;
