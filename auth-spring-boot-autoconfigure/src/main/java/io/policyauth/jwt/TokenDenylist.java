package io.policyauth.jwt;

import java.time.Instant;

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
     * @return whether {@link #isRevoked} may wait on I/O; {@code true} unless the denylist says otherwise
     */
    default boolean mayBlock() {
        return true;
    }

    /**
     * @param jti the token id, never {@code null}
     * @return whether the token has been revoked
     */
    boolean isRevoked(String jti);

    /**
     * Revokes a token until it expires. Read-only denylists (the default of this interface)
     * refuse.
     *
     * @param jti the token id
     * @param expiresAt when the token expires; the entry is not needed after that
     * @throws UnsupportedOperationException when this denylist takes no revocations
     * @throws IllegalArgumentException when the token has no id or no expiry
     */
    default void revoke(String jti, Instant expiresAt) {
        throw new UnsupportedOperationException(getClass().getName() + " takes no revocations");
    }

    /**
     * Checks the arguments of {@link #revoke(String, Instant)}.
     *
     * @param jti the token id
     * @param expiresAt the token's expiry
     * @throws IllegalArgumentException when either is missing
     */
    static void requireRevocable(String jti, Instant expiresAt) {
        if (jti == null || jti.isBlank()) {
            throw new IllegalArgumentException("A token without a jti cannot be revoked");
        }
        if (expiresAt == null) {
            throw new IllegalArgumentException("A token without an expiry cannot be revoked");
        }
    }

    /**
     * The denylist that revokes nothing.
     *
     * @return it
     */
    static TokenDenylist none() {
        return NoRevocations.INSTANCE;
    }
}
