package io.policyauth.tenant;

import java.util.Map;
import java.util.Set;

/**
 * What decisions read about a tenant: its roles and what it assigned to a subject. Read on the
 * request path, so implementations answer from memory when they can.
 */
public interface TenantDirectory {

    /**
     * @param tenant a tenant
     * @return its roles by name; empty when it defined none
     * @throws io.policyauth.core.AuthUnavailableException when they cannot be read now
     */
    Map<String, TenantRole> roles(String tenant);

    /**
     * @param tenant a tenant
     * @param subject a caller's subject
     * @return the roles the tenant assigned to the subject; empty when none
     * @throws io.policyauth.core.AuthUnavailableException when they cannot be read now
     */
    Set<String> memberRoles(String tenant, String subject);

    /**
     * @return whether reading or changing may wait on I/O (a database), so a reactive front must do
     *         it off its event loop
     */
    default boolean mayBlock() {
        return true;
    }
}
