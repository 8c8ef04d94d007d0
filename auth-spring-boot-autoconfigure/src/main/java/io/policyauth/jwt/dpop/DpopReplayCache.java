package io.policyauth.jwt.dpop;

import java.time.Instant;

/**
 * The proofs already seen, so that each is accepted once (RFC 9449 section 11.1): in memory for
 * one instance, or shared by every instance.
 */
public interface DpopReplayCache {

    /**
     * Records a proof, unless it was seen before.
     *
     * @param key the proof's identity: a hash of its key and {@code jti}
     * @param until when the proof can no longer be accepted anyway, so it need not be remembered longer
     * @return {@code true} the first time, {@code false} for a replay
     * @throws io.policyauth.core.AuthUnavailableException when a shared cache cannot be asked (503)
     */
    boolean firstUse(String key, Instant until);

    /**
     * @return whether recording a proof may wait on I/O
     */
    default boolean mayBlock() {
        return false;
    }
}
