package io.policyauth.core;

import java.time.Clock;

import org.jspecify.annotations.Nullable;

/**
 * A policy plus scope and role requirements: the policy authenticates, the requirements authorize.
 * It keeps the policy's name and describes itself as the policy with the requirements added.
 * Built by {@link Policies#withRequirements}.
 */
final class RequirementsExecutor extends DelegatingExecutor {

    private final Requirements requirements;
    private final @Nullable Clock clock;

    /**
     * @param delegate the policy that authenticates
     * @param requirements what the caller must hold
     * @param clock the time a step-up is judged at; {@code null} when the requirements have none
     */
    RequirementsExecutor(AuthExecutor delegate, Requirements requirements, @Nullable Clock clock) {
        super(delegate);
        if (requirements.hasStepUp() && clock == null) {
            throw new IllegalArgumentException("A step-up (acr, max-age) is judged against the application's clock");
        }
        this.requirements = requirements;
        this.clock = clock;
    }

    /**
     * @param resolver adds the permissions of a caller's roles
     * @return this policy, its caller's permissions resolved before the requirements are checked
     */
    AuthExecutor resolvingBelow(PermissionResolver resolver) {
        return new RequirementsExecutor(Policies.resolvingPermissions(delegate, resolver), requirements, clock);
    }

    @Override
    public PolicyDescription describe() {
        return delegate.describe().withRequirements(requirements);
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        AuthenticatedUser user = delegate.execute(context);
        try {
            if (clock == null) {
                requirements.check(user);
            }
            else {
                requirements.check(user, clock.instant());
            }
        }
        catch (AuthException refused) {
            throw refused.refusing(user);
        }
        return user;
    }
}
