package io.policyauth.tenant;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * The {@code memory} store, for one instance: each tenant's roles and members are an immutable
 * copy replaced on every change, so decisions read them without a lock.
 */
public final class InMemoryTenantRoleStore implements TenantRoleStore {

    private static final TenantState EMPTY = new TenantState(Map.of(), Map.of());

    private final Map<String, TenantState> tenants = new ConcurrentHashMap<>();

    @Override
    public Map<String, TenantRole> roles(String tenant) {
        return state(tenant).roles();
    }

    @Override
    public Set<String> memberRoles(String tenant, String subject) {
        TenantMember member = state(tenant).members().get(subject);
        return member == null ? Set.of() : member.roles();
    }

    @Override
    public void saveRole(String tenant, TenantRole role) {
        change(tenant, state -> state.withRoles(with(state.roles(), role.name(), role)));
    }

    @Override
    public boolean deleteRole(String tenant, String name) {
        boolean existed = state(tenant).roles().containsKey(name);
        change(tenant, state -> state.withRoles(with(state.roles(), name, null)));
        return existed;
    }

    @Override
    public Optional<TenantMember> member(String tenant, String subject) {
        return Optional.ofNullable(state(tenant).members().get(subject));
    }

    @Override
    public void saveMember(String tenant, TenantMember member) {
        change(tenant, state -> state.withMembers(with(state.members(), member.subject(), member)));
    }

    @Override
    public boolean deleteMember(String tenant, String subject) {
        boolean existed = state(tenant).members().containsKey(subject);
        change(tenant, state -> state.withMembers(with(state.members(), subject, null)));
        return existed;
    }

    @Override
    public List<TenantMember> members(String tenant, int offset, int limit) {
        return state(tenant).members().values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public List<TenantMember> membersWithAnyRole(String tenant, Set<String> roles, int limit) {
        return state(tenant).members().values().stream()
                .filter(member -> member.roles().stream().anyMatch(roles::contains)).limit(limit).toList();
    }

    @Override
    public boolean mayBlock() {
        return false;
    }

    private TenantState state(String tenant) {
        return tenants.getOrDefault(tenant, EMPTY);
    }

    private void change(String tenant, UnaryOperator<TenantState> change) {
        tenants.compute(tenant, (name, state) -> change.apply(state == null ? EMPTY : state));
    }

    /* A sorted, unmodifiable copy with the entry set, or removed when the value is null. */
    private static <V> Map<String, V> with(Map<String, V> entries, String key, @Nullable V value) {
        TreeMap<String, V> changed = new TreeMap<>(entries);
        if (value == null) {
            changed.remove(key);
        }
        else {
            changed.put(key, value);
        }
        return Collections.unmodifiableMap(changed);
    }

    private record TenantState(Map<String, TenantRole> roles, Map<String, TenantMember> members) {

        TenantState withRoles(Map<String, TenantRole> changed) {
            return new TenantState(changed, members);
        }

        TenantState withMembers(Map<String, TenantMember> changed) {
            return new TenantState(roles, changed);
        }
    }
}
