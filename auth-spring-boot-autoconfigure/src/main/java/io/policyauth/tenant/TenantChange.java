package io.policyauth.tenant;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One change to a tenant's roles or members, for audit.
 *
 * @param time when it was made
 * @param actor who made it: a caller's subject, or what the application names
 * @param tenant the tenant changed
 * @param action what was done
 * @param target the role's name or the member's subject
 * @param before the role or membership before, or {@code null} when there was none
 * @param after the role or membership after, or {@code null} when there is none
 */
public record TenantChange(Instant time, String actor, String tenant, Action action, String target,
        @Nullable Object before, @Nullable Object after) {

    /** What a change did. */
    public enum Action {
        /** A role was created or redefined. */
        ROLE_DEFINED,
        /** A role was removed. */
        ROLE_REMOVED,
        /** A subject's roles were set. */
        MEMBER_ASSIGNED,
        /** A subject's membership was removed. */
        MEMBER_REMOVED
    }
}
