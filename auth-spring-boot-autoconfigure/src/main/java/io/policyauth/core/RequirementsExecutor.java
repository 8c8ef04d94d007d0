package io.policyauth.core;

/**
 * A policy plus scope and role requirements: the policy authenticates, the requirements authorize.
 * It keeps the policy's name and describes itself as the policy with the requirements added.
 * Built by {@link Policies#withRequirements}.
 */
final class RequirementsExecutor implements AuthExecutor {

    private final AuthExecutor delegate;
    private final Requirements requirements;

    /**
     * @param delegate the policy that authenticates
     * @param requirements what the caller must hold
     */
    RequirementsExecutor(AuthExecutor delegate, Requirements requirements) {
        this.delegate = delegate;
        this.requirements = requirements;
    }

    @Override
    public String policy() {
        return delegate.policy();
    }

    @Override
    public PolicyDescription describe() {
        return delegate.describe().withRequirements(requirements);
    }

    @Override
    public boolean mayBlock() {
        return delegate.mayBlock();
    }

    @Override
    public boolean mayBlock(SecurityRequestContext context) {
        return delegate.mayBlock(context);
    }

    @Override
    public boolean readsBody() {
        return delegate.readsBody();
    }

    @Override
    public void activate() {
        delegate.activate();
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
