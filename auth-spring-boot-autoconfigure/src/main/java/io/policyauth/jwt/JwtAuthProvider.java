package io.policyauth.jwt;

import io.policyauth.core.AuthenticatedUser;

/** Checks a bearer token and says who it belongs to. */
public interface JwtAuthProvider {

    /**
     * Verifies a compact JWS and its claims.
     *
     * @param token the token as received (never logged)
     * @return the user the token was issued to
     * @throws io.policyauth.core.AuthenticationException when the token is not acceptable (401)
     * @throws io.policyauth.core.AuthUnavailableException when no key can be had to decide (503)
     */
    AuthenticatedUser check(String token);

    /**
     * @return whether checking a token may wait on I/O (fetching keys, reading a shared denylist);
     *         {@code true} unless the provider says otherwise
     */
    default boolean mayBlock() {
        return true;
    }

    /**
     * Asked by a reactive front before it checks one request's token, so that a token answered from
     * memory (seen before, its answer cached) is checked inline instead of on a worker thread. A
     * token that leaves memory between this call and the check (its entry expiring that very
     * millisecond) is still checked inline: rare, and bounded by the provider's own timeouts.
     *
     * @param token the token as received (never logged)
     * @return whether checking this token may wait on I/O; {@link #mayBlock()} unless overridden
     */
    default boolean mayBlock(String token) {
        return mayBlock();
    }
}
