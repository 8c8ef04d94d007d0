package io.policyauth.core;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint's policy under tenant isolation: the tenant the request names is read first (sources
 * that disagree are a 400 before any credential is looked at), then the policy authenticates, then
 * the caller must be of that tenant or hold a cross-tenant role. Built by {@link Policies#isolated}.
 */
final class TenantIsolatedExecutor extends DelegatingExecutor {

    private final TenantIsolation isolation;
    private final TenantBinding binding;

    TenantIsolatedExecutor(AuthExecutor delegate, TenantIsolation isolation, TenantBinding binding) {
        super(delegate);
        this.isolation = isolation;
        this.binding = binding;
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        String target = isolation.targetOf(context, binding);
        AuthenticatedUser user = delegate.execute(context);
        if (target != null) {
            try {
                isolation.admit(user, target);
            }
            catch (AuthException refused) {
                throw refused.refusing(user);
            }
        }
        return user;
    }

    @Override
    public @Nullable String targetTenant(SecurityRequestContext context) {
        try {
            return isolation.targetOf(context, binding);
        }
        catch (AuthException conflicting) {
            return null;
        }
    }
}
