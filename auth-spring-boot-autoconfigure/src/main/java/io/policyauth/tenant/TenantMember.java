package io.policyauth.tenant;

import java.util.Objects;
import java.util.Set;

/**
 * A subject of a tenant and the roles the tenant assigned to it.
 *
 * @param subject the caller's subject, as its credentials name it
 * @param roles the names of the roles assigned, platform or the tenant's own
 */
public record TenantMember(String subject, Set<String> roles) {

    public TenantMember {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }
}
