package io.policyauth.core;

import org.jspecify.annotations.Nullable;

/**
 * A policy whose callers hold the permissions of their roles. The anonymous caller of {@code public}
 * holds none. Built by {@link Policies#resolvingPermissions}.
 */
final class PermissionResolvingExecutor implements AuthExecutor {

    private final AuthExecutor delegate;
    private final PermissionResolver resolver;

    PermissionResolvingExecutor(AuthExecutor delegate, PermissionResolver resolver) {
        this.delegate = delegate;
        this.resolver = resolver;
    }

    @Override
    public String policy() {
        return delegate.policy();
    }

    @Override
    public PolicyDescription describe() {
        return delegate.describe();
    }

    @Override
    public boolean mayBlock() {
        return delegate.mayBlock() || resolver.mayBlock();
    }

    @Override
    public boolean mayBlock(SecurityRequestContext context) {
        return delegate.mayBlock(context) || resolver.mayBlock();
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
    public @Nullable String targetTenant(SecurityRequestContext context) {
        return delegate.targetTenant(context);
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        AuthenticatedUser user = delegate.execute(context);
        return user.isAnonymous() ? user : resolver.resolve(user);
    }
}
