package io.policyauth.core;

/** A policy plus scope and role requirements: the policy authenticates, the requirements authorize. */
public final class RequirementsExecutor implements AuthExecutor {

    private final String policy;
    private final AuthExecutor delegate;
    private final Requirements requirements;

    /**
     * @param policy the name of the combination
     * @param delegate the policy that authenticates
     * @param requirements what the caller must hold
     */
    public RequirementsExecutor(String policy, AuthExecutor delegate, Requirements requirements) {
        this.policy = policy;
        this.delegate = delegate;
        this.requirements = requirements;
    }

    @Override
    public String policy() {
        return policy;
    }

    /**
     * @return the policy that authenticates
     */
    public AuthExecutor delegate() {
        return delegate;
    }

    /**
     * @return what the caller must hold
     */
    public Requirements requirements() {
        return requirements;
    }

    @Override
    public void activate() {
        delegate.activate();
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        AuthenticatedUser user = delegate.execute(context);
        requirements.check(user);
        return user;
    }
}
