package io.policyauth.benchmarks;

import java.util.Objects;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.SecurityRequestContext;

/**
 * A policy under another name, so one application can register several {@code private} policies
 * (HS256, RS256, ES256) side by side.
 *
 * @param policy the name to register
 * @param delegate the executor that decides
 */
public record RenamedPolicy(String policy, AuthExecutor delegate) implements AuthExecutor {

    public RenamedPolicy {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        return delegate.execute(context);
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
}
