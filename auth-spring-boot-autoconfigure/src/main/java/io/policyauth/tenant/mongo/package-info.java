/** The MongoDB store of tenants' roles and members (collections {@code tenant_roles}, {@code tenant_members}). */
@NullMarked
package io.policyauth.tenant.mongo;

import org.jspecify.annotations.NullMarked;
