package io.policyauth.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where tenants' roles and memberships are kept. Changes go through {@link TenantRoles}, which
 * checks them; implementations only store.
 */
public interface TenantRoleStore extends TenantDirectory {

    /**
     * @param tenant a tenant
     * @param role the role to create or replace
     */
    void saveRole(String tenant, TenantRole role);

    /**
     * @param tenant a tenant
     * @param name a role's name
     * @return whether it existed
     */
    boolean deleteRole(String tenant, String name);

    /**
     * @param tenant a tenant
     * @param subject a subject
     * @return its membership, if the tenant assigned it roles
     */
    Optional<TenantMember> member(String tenant, String subject);

    /**
     * @param tenant a tenant
     * @param member the membership to create or replace
     */
    void saveMember(String tenant, TenantMember member);

    /**
     * @param tenant a tenant
     * @param subject a subject
     * @return whether it was a member
     */
    boolean deleteMember(String tenant, String subject);

    /**
     * @param tenant a tenant
     * @param offset how many to skip, in subject order
     * @param limit most to return
     * @return a page of its members, by subject
     */
    List<TenantMember> members(String tenant, int offset, int limit);

    /**
     * @param tenant a tenant
     * @param roles role names
     * @param limit most to return
     * @return members holding any of the roles, by subject
     */
    List<TenantMember> membersWithAnyRole(String tenant, Set<String> roles, int limit);

    /**
     * @return when the newest change was stamped, by the store's clock; empty when nothing changed
     *         or the store keeps no stamps (one instance)
     */
    default Optional<Instant> latestChange() {
        return Optional.empty();
    }

    /**
     * @param since a stamp of the store's clock
     * @return the tenants changed at or after it, oldest first, each with its stamp
     */
    default List<TenantStamp> changesSince(Instant since) {
        return List.of();
    }

    /**
     * A change to one tenant's roles or members, for other instances' caches.
     *
     * @param tenant the tenant changed
     * @param changedAt when, by the store's clock
     */
    record TenantStamp(String tenant, Instant changedAt) {
    }
}
