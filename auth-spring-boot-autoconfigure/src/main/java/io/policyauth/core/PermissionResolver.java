package io.policyauth.core;

/**
 * Gives an authenticated caller the permissions of its roles (under tenancy: the platform roles and
 * the roles its tenant defined and assigned to it). Applied to every registered policy's caller, so
 * that permission requirements of named policies, routes and endpoints see them.
 */
@FunctionalInterface
public interface PermissionResolver {

    /**
     * @param user a caller as its policy authenticated it
     * @return the caller holding its permissions; the same caller when it holds nothing more
     * @throws AuthUnavailableException when the roles cannot be read now and no copy is fresh enough
     */
    AuthenticatedUser resolve(AuthenticatedUser user);

    /**
     * Whether resolving may wait on I/O for this caller's tenant (a store no longer current).
     *
     * @return {@code false} unless resolving may read a store
     */
    default boolean mayBlock() {
        return false;
    }
}
