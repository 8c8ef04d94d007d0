package io.policyauth.test;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * A policy whose credential check a test may answer with a {@link PolicyUser}: the requirements the
 * policy itself carries are still checked against that user, as are those of the endpoint and of
 * composites above it, which wrap this executor. Without a policy user, the policy runs as configured.
 */
final class PolicyUserExecutor implements AuthExecutor {

    private final AuthExecutor delegate;
    private final PolicyUsers users;

    PolicyUserExecutor(AuthExecutor delegate, PolicyUsers users) {
        this.delegate = delegate;
        this.users = users;
    }

    @Override
    public String policy() {
        return delegate.policy();
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        PolicyUser user = users.current();
        if (user == null) {
            return delegate.execute(context);
        }
        AuthenticatedUser authenticated = user.toAuthenticatedUser();
        delegate.describe().requirements().check(authenticated);
        return authenticated;
    }

    @Override
    public boolean mayBlock() {
        return delegate.mayBlock();
    }

    @Override
    public void activate() {
        delegate.activate();
    }

    @Override
    public PolicyDescription describe() {
        return delegate.describe();
    }
}
