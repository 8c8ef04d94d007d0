package io.policyauth.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.tenant.TenantRoleException.Kind;

/** The rules of {@link TenantRoles}, each as a reviewer would try to break it. */
class TenantRolesTests {

    private static final TenantActor APP = TenantActor.application("test");

    private final List<TenantChange> changes = new ArrayList<>();
    private final InMemoryTenantRoleStore store = new InMemoryTenantRoleStore();
    private final TenantRoles roles = new TenantRoles(store,
            new PlatformRoles(Map.of("tenant-admin", Set.of("tenant:admin"), "viewer", Set.of("*:read"))),
            Set.of("platform-admin"), new TenantLimits(3, 2), List.of(changes::add),
            Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aDefinedRoleIsStoredAndAudited() {
        roles.define(APP, "acme", "billing", Set.of("Invoices:Read"), "reads invoices");

        assertThat(roles.role("acme", "billing")).get().extracting(TenantRole::permissions)
                .isEqualTo(Set.of("invoices:read"));
        assertThat(roles.role("globex", "billing")).isEmpty();
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(TenantChange.Action.ROLE_DEFINED);
            assertThat(change.actor()).isEqualTo("test");
            assertThat(change.before()).isNull();
            assertThat(change.after()).isEqualTo(new TenantRole("billing", Set.of("invoices:read"), "reads invoices"));
        });
    }

    @Test
    void malformedNamesAndPermissionsAndSizesPastTheLimitsAreInvalid() {
        assertKind(() -> roles.define(APP, "acme", "Billing", Set.of(), null), Kind.INVALID);
        assertKind(() -> roles.define(APP, "acme", "-x", Set.of(), null), Kind.INVALID);
        assertKind(() -> roles.define(APP, "acme", "a".repeat(65), Set.of(), null), Kind.INVALID);
        assertKind(() -> roles.define(APP, "acme", "billing", Set.of("invoices read"), null), Kind.INVALID);
        assertKind(() -> roles.define(APP, "acme", "billing", Set.of("a", "b", "c"), null), Kind.INVALID);
        IntStream.range(0, 3).forEach(i -> roles.define(APP, "acme", "r" + i, Set.of(), null));
        assertKind(() -> roles.define(APP, "acme", "r3", Set.of(), null), Kind.INVALID);
        // Redefining one that exists is not one more.
        roles.define(APP, "acme", "r0", Set.of("a"), null);
    }

    @Test
    void platformAndCrossTenantRolesCannotBeDefinedOrRemovedByATenant() {
        assertKind(() -> roles.define(APP, "acme", "viewer", Set.of(), null), Kind.CONFLICT);
        assertKind(() -> roles.define(APP, "acme", "platform-admin", Set.of(), null), Kind.CONFLICT);
        assertKind(() -> roles.remove(APP, "acme", "tenant-admin"), Kind.CONFLICT);
    }

    @Test
    void nobodyGrantsWhatTheyDoNotHold() {
        TenantActor reader = new TenantActor("ann", Set.of("invoices:read", "tenant:admin"));
        TenantActor wide = new TenantActor("root", Set.of("invoices:*", "tenant:admin"));

        assertKind(() -> roles.define(reader, "acme", "writer", Set.of("invoices:write"), null), Kind.FORBIDDEN);
        assertKind(() -> roles.define(reader, "acme", "any", Set.of("invoices:*"), null), Kind.FORBIDDEN);
        assertKind(() -> roles.define(reader, "acme", "reads", Set.of("*:read"), null), Kind.FORBIDDEN);
        roles.define(wide, "acme", "writer", Set.of("invoices:write"), null);
        roles.define(reader, "acme", "reader", Set.of("invoices:read"), null);

        assertKind(() -> roles.assign(reader, "acme", "bob", Set.of("writer")), Kind.FORBIDDEN);
        assertKind(() -> roles.assign(reader, "acme", "bob", Set.of("viewer")), Kind.FORBIDDEN);
        assertThat(roles.assign(reader, "acme", "bob", Set.of("reader")).roles()).containsExactly("reader");
        assertThat(roles.assign(wide, "acme", "bob", Set.of("writer")).roles()).containsExactly("writer");
    }

    @Test
    void unknownRolesAndCrossTenantRolesCannotBeAssigned() {
        assertKind(() -> roles.assign(APP, "acme", "bob", Set.of("nope")), Kind.INVALID);
        assertKind(() -> roles.assign(APP, "acme", "bob", Set.of("platform-admin")), Kind.FORBIDDEN);
        assertThat(roles.assign(APP, "acme", "bob", Set.of("viewer")).roles()).containsExactly("viewer");
    }

    @Test
    void theLastAdministratorCannotBeRemovedOrDemotedInAnyWay() {
        roles.define(APP, "acme", "admins", Set.of("tenant:admin"), null);
        roles.assign(APP, "acme", "alice", Set.of("admins"));

        assertKind(() -> roles.unassign(APP, "acme", "alice"), Kind.CONFLICT);
        assertKind(() -> roles.assign(APP, "acme", "alice", Set.of()), Kind.CONFLICT);
        assertKind(() -> roles.define(APP, "acme", "admins", Set.of("invoices:read"), null), Kind.CONFLICT);
        assertKind(() -> roles.remove(APP, "acme", "admins"), Kind.CONFLICT);

        roles.assign(APP, "acme", "bob", Set.of("tenant-admin"));

        assertThat(roles.unassign(APP, "acme", "alice")).isTrue();
        assertKind(() -> roles.unassign(APP, "acme", "bob"), Kind.CONFLICT);
    }

    @Test
    void aTenantWithoutAnAdministratorMayChangeFreely() {
        roles.define(APP, "acme", "billing", Set.of("invoices:read"), null);
        roles.assign(APP, "acme", "bob", Set.of("billing"));

        assertThat(roles.unassign(APP, "acme", "bob")).isTrue();
        assertThat(roles.remove(APP, "acme", "billing")).isTrue();
        assertThat(roles.remove(APP, "acme", "billing")).isFalse();
    }

    @Test
    void aDeletedRoleStaysOnItsMembersAndGrantsNothing() {
        roles.define(APP, "acme", "billing", Set.of("invoices:read"), null);
        roles.assign(APP, "acme", "bob", Set.of("billing"));
        TenantPermissionResolver resolver = new TenantPermissionResolver(PlatformRoles.NONE, store);
        AuthenticatedUser bob = AuthenticatedUser.builder("bob", "jwt")
                .tenant("acme").build();
        assertThat(resolver.resolve(bob).permissions()).containsExactly("invoices:read");

        roles.remove(APP, "acme", "billing");

        assertThat(roles.member("acme", "bob")).get().extracting(TenantMember::roles).isEqualTo(Set.of("billing"));
        assertThat(resolver.resolve(bob).permissions()).isEmpty();
    }

    @Test
    void listsArePagedInNameOrder() {
        roles.define(APP, "acme", "c", Set.of(), null);
        roles.define(APP, "acme", "a", Set.of(), null);
        roles.define(APP, "acme", "b", Set.of(), null);
        List.of("zed", "amy", "kim").forEach(subject -> roles.assign(APP, "acme", subject, Set.of("a")));

        assertThat(roles.roles("acme", 1, 5)).extracting(TenantRole::name).containsExactly("b", "c");
        assertThat(roles.members("acme", 0, 2)).extracting(TenantMember::subject).containsExactly("amy", "kim");
        assertThat(roles.members("globex", 0, 10)).isEmpty();
    }

    private static void assertKind(ThrowingCallable change, Kind kind) {
        assertThatThrownBy(change).isInstanceOfSatisfying(TenantRoleException.class,
                refused -> assertThat(refused.kind()).isEqualTo(kind));
    }
}
