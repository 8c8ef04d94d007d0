package io.policyauth.core;

import java.time.Instant;

/** Told each time a caller's credits are spent, for usage figures; never on the request's failure path. */
@FunctionalInterface
public interface CreditSpending {

    /** Listens to nothing. */
    CreditSpending NONE = (caller, credits, at) -> {
    };

    /**
     * Must not block or throw.
     *
     * @param caller who spent them (an API key's caller: its {@link AuthenticatedUser#tokenId()} is the key id)
     * @param credits how many
     * @param at when
     */
    void spent(AuthenticatedUser caller, long credits, Instant at);
}
