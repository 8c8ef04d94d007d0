package io.policyauth.jwt;

/**
 * Revoked tokens by {@code jti}. Consulted on every request that presents a token with a
 * {@code jti}, after the token is verified or found in the verified-token cache, so a revocation
 * takes effect on the next request whatever is cached. Tokens without a {@code jti} cannot be
 * revoked here.
 *
 * <p>Implementations sit on the request path: answer from memory. To report that the answer
 * cannot be had, throw {@link io.policyauth.core.AuthUnavailableException} (503).
 */
@FunctionalInterface
public interface TokenDenylist {

    /**
     * @param jti the token id, never {@code null}
     * @return whether the token has been revoked
     */
    boolean isRevoked(String jti);

    /**
     * The denylist that revokes nothing.
     *
     * @return it
     */
    static TokenDenylist none() {
        return NoRevocations.INSTANCE;
    }
}
