package io.policyauth.core;

import org.jspecify.annotations.Nullable;

/**
 * A policy that decides as another one does, with something added around its decision: it keeps
 * the other's name, description, blocking and body needs, activation and target tenant. The
 * wrappers {@link Policies} builds, and other mechanisms' (resource checks), extend it and say
 * only what they add.
 */
public abstract class DelegatingExecutor implements AuthExecutor {

    /** The policy decided around. */
    protected final AuthExecutor delegate;

    /**
     * @param delegate the policy decided around
     */
    protected DelegatingExecutor(AuthExecutor delegate) {
        this.delegate = delegate;
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
    public @Nullable String targetTenant(SecurityRequestContext context) {
        return delegate.targetTenant(context);
    }
}
