package io.policyauth.tenant;

/** Told of every change {@link TenantRoles} makes, after it is stored. Must not throw. */
@FunctionalInterface
public interface TenantChangeListener {

    /**
     * @param change what changed
     */
    void onChange(TenantChange change);
}
