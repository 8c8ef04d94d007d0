package io.policyauth.tenant;

/**
 * A change to a tenant's roles or members that was refused, and why: {@link Kind} says which
 * answer an API gives it. The message is safe to show the caller.
 */
public class TenantRoleException extends RuntimeException {

    private final Kind kind;

    /**
     * @param kind why it was refused
     * @param message a sentence safe to show the caller
     */
    public TenantRoleException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /**
     * @return why it was refused
     */
    public Kind kind() {
        return kind;
    }

    /** Why a change was refused. */
    public enum Kind {
        /** Malformed or past a bound: 400. */
        INVALID,
        /** The actor may not make it (it would grant more than the actor holds): 403. */
        FORBIDDEN,
        /** No such role or member: 404. */
        NOT_FOUND,
        /** It contradicts the platform or leaves the tenant without an administrator: 409. */
        CONFLICT
    }
}
