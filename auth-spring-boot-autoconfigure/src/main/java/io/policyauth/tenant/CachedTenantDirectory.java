package io.policyauth.tenant;

import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.policyauth.cache.SampledReads;
import io.policyauth.core.StoreChangeFeed;

/**
 * A shared store's roles and members as decisions read them: from memory while the store's change
 * feed is current (another instance's change drops the tenant within a refresh interval; this
 * instance's own changes at once), straight from the store when it is not (past the maximum
 * staleness), so a removed role never keeps granting. A store that cannot answer then makes the
 * decision a 503.
 */
public final class CachedTenantDirectory implements TenantDirectory, TenantChangeListener {

    private final TenantRoleStore store;
    private final StoreChangeFeed<TenantRoleStore.TenantStamp> feed;
    private final Cache<String, Map<String, TenantRole>> roles;
    private final Cache<Membership, Set<String>> members;
    private final SampledReads<String, Map<String, TenantRole>> roleReads;
    private final SampledReads<Membership, Set<String>> memberReads;

    /**
     * @param store the shared store
     * @param feed the store's changes, other instances' included
     * @param maximumSize most tenants, and most memberships, kept in memory
     */
    public CachedTenantDirectory(TenantRoleStore store, StoreChangeFeed<TenantRoleStore.TenantStamp> feed,
            long maximumSize) {
        this.store = store;
        this.feed = feed;
        this.roles = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
        this.members = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
        this.roleReads = new SampledReads<>(roles);
        this.memberReads = new SampledReads<>(members);
    }

    @Override
    public Map<String, TenantRole> roles(String tenant) {
        if (!current()) {
            return store.roles(tenant);
        }
        return roleReads.get(tenant, store::roles);
    }

    @Override
    public Set<String> memberRoles(String tenant, String subject) {
        if (!current()) {
            return store.memberRoles(tenant, subject);
        }
        return memberReads.get(new Membership(tenant, subject), key -> store.memberRoles(tenant, subject));
    }

    /** This instance's own change is seen at once. */
    @Override
    public void onChange(TenantChange change) {
        forget(change.tenant());
    }

    private boolean current() {
        feed.start(change -> forget(change.tenant()));
        return feed.isCurrent();
    }

    private void forget(String tenant) {
        roles.invalidate(tenant);
        members.asMap().keySet().removeIf(membership -> membership.tenant().equals(tenant));
    }

    private record Membership(String tenant, String subject) {
    }
}
