package io.policyauth.core;

/**
 * A policy whose callers hold the permissions of their roles. The anonymous caller of {@code public}
 * holds none. Built by {@link Policies#resolvingPermissions}.
 */
final class PermissionResolvingExecutor extends DelegatingExecutor {

    private final PermissionResolver resolver;

    PermissionResolvingExecutor(AuthExecutor delegate, PermissionResolver resolver) {
        super(delegate);
        this.resolver = resolver;
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
    public AuthenticatedUser execute(SecurityRequestContext context) {
        AuthenticatedUser user = delegate.execute(context);
        return user.isAnonymous() ? user : resolver.resolve(user);
    }
}
