package io.policyauth.core;

/**
 * A policy plus scope and role requirements: the policy authenticates, the requirements authorize.
 * It keeps the policy's name and describes itself as the policy with the requirements added.
 * Built by {@link Policies#withRequirements}.
 */
final class RequirementsExecutor extends DelegatingExecutor {

    private final Requirements requirements;

    /**
     * @param delegate the policy that authenticates
     * @param requirements what the caller must hold
     */
    RequirementsExecutor(AuthExecutor delegate, Requirements requirements) {
        super(delegate);
        this.requirements = requirements;
    }

    /**
     * @param resolver adds the permissions of a caller's roles
     * @return this policy, its caller's permissions resolved before the requirements are checked
     */
    AuthExecutor resolvingBelow(PermissionResolver resolver) {
        return new RequirementsExecutor(Policies.resolvingPermissions(delegate, resolver), requirements);
    }

    @Override
    public PolicyDescription describe() {
        return delegate.describe().withRequirements(requirements);
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        AuthenticatedUser user = delegate.execute(context);
        try {
            requirements.check(user);
        }
        catch (AuthException refused) {
            throw refused.refusing(user);
        }
        return user;
    }
}
