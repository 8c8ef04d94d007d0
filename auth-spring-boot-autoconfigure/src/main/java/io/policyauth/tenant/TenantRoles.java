package io.policyauth.tenant;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.core.ScopeMatcher;
import io.policyauth.tenant.TenantRoleException.Kind;

/**
 * The roles each tenant defines for itself and assigns to its members: the Java API behind the
 * admin API, for applications that build their own screens. Every change is checked here:
 * <ul>
 * <li>role names match {@value #ROLE_NAME}, permissions are scope-like tokens, and a tenant's roles
 * and a role's permissions are bounded ({@link TenantLimits});</li>
 * <li>platform roles and cross-tenant roles are the platform's: a tenant cannot define them (409),
 * and cannot assign a cross-tenant role (403);</li>
 * <li>an actor cannot define or assign a role granting a permission it does not hold itself (403);</li>
 * <li>a change that would leave a tenant without any member whose assigned roles grant
 * {@value #ADMIN_PERMISSION}, when it had one, is refused (409).</li>
 * </ul>
 * Deleting a role that members hold is allowed: from then on it grants nothing. Each change is
 * told to the {@link TenantChangeListener}s. Changes are serialized on this instance.
 */
public final class TenantRoles {

    /** The permission of a tenant's administrators. */
    public static final String ADMIN_PERMISSION = "tenant:admin";

    /** What a role's name may be. */
    public static final String ROLE_NAME = "[a-z0-9][a-z0-9_.:-]{0,63}";

    private static final Pattern ROLE_NAME_PATTERN = Pattern.compile(ROLE_NAME);

    /* RFC 6749's scope-token, bounded. */
    private static final Pattern PERMISSION = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");

    /**
     * @param permission a permission as written in a role
     * @return whether it is well formed: 1 to 128 visible ASCII characters, as a scope, without
     *         spaces, quotes or backslashes
     */
    public static boolean isPermission(@Nullable String permission) {
        return permission != null && PERMISSION.matcher(permission).matches();
    }

    private static final int MAX_NAME_LENGTH = 256;

    private static final Logger logger = LoggerFactory.getLogger(TenantRoles.class);

    private final TenantRoleStore store;
    private final PlatformRoles platform;
    private final Set<String> crossTenantRoles;
    private final TenantLimits limits;
    private final List<TenantChangeListener> listeners;
    private final Clock clock;
    private final ReentrantLock changes = new ReentrantLock();

    /**
     * @param store where roles and members are kept
     * @param platform the platform's roles
     * @param crossTenantRoles roles that act in every tenant, which no tenant may define or assign
     * @param limits bounds per tenant and per role
     * @param listeners told of every change
     * @param clock the time of changes
     */
    public TenantRoles(TenantRoleStore store, PlatformRoles platform, Set<String> crossTenantRoles, TenantLimits limits,
            List<TenantChangeListener> listeners, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.crossTenantRoles = Set.copyOf(crossTenantRoles);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.listeners = List.copyOf(listeners);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates or redefines a tenant's role.
     *
     * @param actor who defines it
     * @param tenant the tenant
     * @param name the role's name
     * @param permissions what it grants; lower-cased
     * @param description what it is for, or {@code null}
     * @return the role as stored
     * @throws TenantRoleException for a malformed or reserved role, one past the limits, one granting
     *         more than the actor holds, or one whose redefinition leaves the tenant without an
     *         administrator
     */
    public TenantRole define(TenantActor actor, String tenant, String name, Collection<String> permissions,
            @Nullable String description) {
        checkTenant(tenant);
        checkRoleName(name);
        if (platform.defines(name) || crossTenantRoles.contains(name)) {
            throw new TenantRoleException(Kind.CONFLICT, "Role '" + name + "' is a platform role; tenants cannot "
                    + "redefine it.");
        }
        TenantRole role = new TenantRole(name, permissions(permissions), description);
        checkHeld(actor, role.permissions());
        changes.lock();
        try {
            Map<String, TenantRole> roles = store.roles(tenant);
            TenantRole before = roles.get(name);
            if (before == null && roles.size() >= limits.maxRolesPerTenant()) {
                throw new TenantRoleException(Kind.INVALID, "A tenant may define at most "
                        + limits.maxRolesPerTenant() + " roles.");
            }
            if (before != null && grantsAdmin(before.permissions()) && !grantsAdmin(role.permissions())) {
                keepAnAdministrator(tenant, roles, withRole(roles, role));
            }
            store.saveRole(tenant, role);
            changed(actor, tenant, TenantChange.Action.ROLE_DEFINED, name, before, role);
            return role;
        }
        finally {
            changes.unlock();
        }
    }

    /**
     * Removes a tenant's role; members holding it keep the name, which grants nothing from then on.
     *
     * @param actor who removes it
     * @param tenant the tenant
     * @param name the role's name
     * @return whether the tenant had it
     * @throws TenantRoleException for a platform role, or when it leaves the tenant without an administrator
     */
    public boolean remove(TenantActor actor, String tenant, String name) {
        checkTenant(tenant);
        if (platform.defines(name) || crossTenantRoles.contains(name)) {
            throw new TenantRoleException(Kind.CONFLICT, "Role '" + name + "' is a platform role; tenants cannot "
                    + "remove it.");
        }
        changes.lock();
        try {
            Map<String, TenantRole> roles = store.roles(tenant);
            TenantRole before = roles.get(name);
            if (before == null) {
                return false;
            }
            if (grantsAdmin(before.permissions())) {
                keepAnAdministrator(tenant, roles, withoutRole(roles, name));
            }
            store.deleteRole(tenant, name);
            changed(actor, tenant, TenantChange.Action.ROLE_REMOVED, name, before, null);
            return true;
        }
        finally {
            changes.unlock();
        }
    }

    /**
     * Sets the roles a tenant assigns to a subject.
     *
     * @param actor who assigns them
     * @param tenant the tenant
     * @param subject the caller's subject, as its credentials name it
     * @param roles the roles, platform or the tenant's own; empty removes every role
     * @return the membership as stored
     * @throws TenantRoleException for an unknown or cross-tenant role, a role granting more than the
     *         actor holds, or a demotion of the tenant's last administrator
     */
    public TenantMember assign(TenantActor actor, String tenant, String subject, Collection<String> roles) {
        checkTenant(tenant);
        checkName(subject, "subject");
        Set<String> names = new LinkedHashSet<>(roles);
        if (names.size() > limits.maxRolesPerTenant()) {
            throw new TenantRoleException(Kind.INVALID, "A member may hold at most " + limits.maxRolesPerTenant()
                    + " roles.");
        }
        changes.lock();
        try {
            Map<String, TenantRole> defined = store.roles(tenant);
            for (String role : names) {
                if (crossTenantRoles.contains(role)) {
                    throw new TenantRoleException(Kind.FORBIDDEN, "Role '" + role + "' acts in every tenant; only "
                            + "the platform grants it.");
                }
                if (!platform.defines(role) && !defined.containsKey(role)) {
                    throw new TenantRoleException(Kind.INVALID, "Role '" + role + "' is not defined.");
                }
            }
            TenantMember member = new TenantMember(subject, names);
            checkHeld(actor, permissionsOf(names, defined));
            TenantMember before = store.member(tenant, subject).orElse(null);
            if (before != null && isAdmin(before.roles(), defined) && !isAdmin(names, defined)) {
                keepAnotherAdministrator(tenant, subject, defined);
            }
            store.saveMember(tenant, member);
            changed(actor, tenant, TenantChange.Action.MEMBER_ASSIGNED, subject, before, member);
            return member;
        }
        finally {
            changes.unlock();
        }
    }

    /**
     * Removes a subject's membership: the tenant assigns it no role any more.
     *
     * @param actor who removes it
     * @param tenant the tenant
     * @param subject the subject
     * @return whether it was a member
     * @throws TenantRoleException when it is the tenant's last administrator
     */
    public boolean unassign(TenantActor actor, String tenant, String subject) {
        checkTenant(tenant);
        changes.lock();
        try {
            TenantMember before = store.member(tenant, subject).orElse(null);
            if (before == null) {
                return false;
            }
            Map<String, TenantRole> defined = store.roles(tenant);
            if (isAdmin(before.roles(), defined)) {
                keepAnotherAdministrator(tenant, subject, defined);
            }
            store.deleteMember(tenant, subject);
            changed(actor, tenant, TenantChange.Action.MEMBER_REMOVED, subject, before, null);
            return true;
        }
        finally {
            changes.unlock();
        }
    }

    /**
     * @param tenant a tenant
     * @param name a role's name
     * @return the tenant's role, if it defined one by that name
     */
    public Optional<TenantRole> role(String tenant, String name) {
        return Optional.ofNullable(store.roles(tenant).get(name));
    }

    /**
     * @param tenant a tenant
     * @param offset how many to skip, by name
     * @param limit most to return
     * @return a page of the tenant's roles, by name
     */
    public List<TenantRole> roles(String tenant, int offset, int limit) {
        return store.roles(tenant).values().stream().sorted(Comparator.comparing(TenantRole::name))
                .skip(offset).limit(limit).toList();
    }

    /**
     * @param tenant a tenant
     * @param subject a subject
     * @return its membership, if the tenant assigned it roles
     */
    public Optional<TenantMember> member(String tenant, String subject) {
        return store.member(tenant, subject);
    }

    /**
     * @param tenant a tenant
     * @param offset how many to skip, by subject
     * @param limit most to return
     * @return a page of the tenant's members, by subject
     */
    public List<TenantMember> members(String tenant, int offset, int limit) {
        return store.members(tenant, offset, limit);
    }

    /**
     * @param role a role's name
     * @return whether it is a platform role (or a cross-tenant one), which tenants cannot change
     */
    public boolean isPlatformRole(String role) {
        return platform.defines(role) || crossTenantRoles.contains(role);
    }

    private Set<String> permissionsOf(Collection<String> roles, Map<String, TenantRole> defined) {
        Set<String> permissions = new LinkedHashSet<>();
        platform.addPermissions(roles, defined, permissions);
        return permissions;
    }

    private boolean isAdmin(Collection<String> roles, Map<String, TenantRole> defined) {
        return grantsAdmin(permissionsOf(roles, defined));
    }

    private static boolean grantsAdmin(Set<String> permissions) {
        return permissions.stream().anyMatch(permission -> ScopeMatcher.grants(permission, ADMIN_PERMISSION));
    }

    /* The tenant had an administrator through these roles; with the roles as they will be, it must keep one. */
    private void keepAnAdministrator(String tenant, Map<String, TenantRole> rolesBefore,
            Map<String, TenantRole> rolesAfter) {
        if (store.membersWithAnyRole(tenant, adminRoles(rolesBefore), 1).isEmpty()) {
            return;
        }
        if (store.membersWithAnyRole(tenant, adminRoles(rolesAfter), 1).isEmpty()) {
            throw lastAdministrator();
        }
    }

    private void keepAnotherAdministrator(String tenant, String subject, Map<String, TenantRole> defined) {
        boolean another = store.membersWithAnyRole(tenant, adminRoles(defined), 2).stream()
                .anyMatch(member -> !member.subject().equals(subject));
        if (!another) {
            throw lastAdministrator();
        }
    }

    private Set<String> adminRoles(Map<String, TenantRole> defined) {
        Set<String> roles = new LinkedHashSet<>();
        platform.permissionsByRole().forEach((role, permissions) -> {
            if (grantsAdmin(permissions)) {
                roles.add(role);
            }
        });
        defined.values().stream().filter(role -> grantsAdmin(role.permissions())).map(TenantRole::name)
                .forEach(roles::add);
        return roles;
    }

    private static TenantRoleException lastAdministrator() {
        return new TenantRoleException(Kind.CONFLICT, "The change would leave the tenant without a member holding "
                + ADMIN_PERMISSION + ".");
    }

    private static Map<String, TenantRole> withRole(Map<String, TenantRole> roles, TenantRole role) {
        Map<String, TenantRole> changed = new HashMap<>(roles);
        changed.put(role.name(), role);
        return changed;
    }

    private static Map<String, TenantRole> withoutRole(Map<String, TenantRole> roles, String name) {
        Map<String, TenantRole> changed = new HashMap<>(roles);
        changed.remove(name);
        return changed;
    }

    private Set<String> permissions(Collection<String> given) {
        Set<String> permissions = new LinkedHashSet<>();
        for (String permission : given) {
            if (!isPermission(permission)) {
                throw new TenantRoleException(Kind.INVALID, "Permission '" + permission + "' is invalid: use 1 to "
                        + "128 visible ASCII characters, without spaces, quotes or backslashes.");
            }
            permissions.add(permission.toLowerCase(Locale.ROOT));
        }
        if (permissions.size() > limits.maxPermissionsPerRole()) {
            throw new TenantRoleException(Kind.INVALID, "A role may grant at most " + limits.maxPermissionsPerRole()
                    + " permissions.");
        }
        return permissions;
    }

    private static void checkHeld(TenantActor actor, Set<String> granted) {
        Set<String> held = actor.permissions();
        if (held == null) {
            return;
        }
        for (String permission : granted) {
            if (held.stream().noneMatch(own -> ScopeMatcher.grants(own, permission))) {
                throw new TenantRoleException(Kind.FORBIDDEN, "The change grants '" + permission
                        + "', which the actor does not hold.");
            }
        }
    }

    private static void checkRoleName(String name) {
        if (name == null || !ROLE_NAME_PATTERN.matcher(name).matches()) {
            throw new TenantRoleException(Kind.INVALID, "Role names match " + ROLE_NAME + ".");
        }
    }

    private static void checkTenant(String tenant) {
        checkName(tenant, "tenant");
    }

    private static void checkName(String name, String what) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new TenantRoleException(Kind.INVALID, "The " + what + " is not a valid name.");
        }
    }

    private void changed(TenantActor actor, String tenant, TenantChange.Action action, String target,
            @Nullable Object before, @Nullable Object after) {
        TenantChange change = new TenantChange(clock.instant(), actor.name(), tenant, action, target, before, after);
        for (TenantChangeListener listener : listeners) {
            try {
                listener.onChange(change);
            }
            catch (RuntimeException failure) {
                logger.warn("Tenant change listener {} failed; the change stands", listener.getClass().getName(),
                        failure);
            }
        }
    }
}
