package io.policyauth.gateway;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthenticatedUser;

/**
 * What the gateway decided for one forwarded request.
 *
 * @param policy the policy that decided, as its route or the default names it
 * @param user the caller when granted, else {@code null}
 * @param denial why it was refused or could not be decided, else {@code null}
 */
public record GatewayDecision(String policy, @Nullable AuthenticatedUser user, @Nullable AuthException denial) {

    /**
     * @return whether the request may pass
     */
    public boolean granted() {
        return user != null;
    }
}
