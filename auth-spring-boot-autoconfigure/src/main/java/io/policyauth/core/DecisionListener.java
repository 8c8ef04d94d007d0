package io.policyauth.core;

import org.jspecify.annotations.Nullable;

/**
 * Told of every decision {@link AuthService} makes, on the request thread: must be quick and must
 * not throw (a failure is logged and ignored, never turned into a denial or a grant).
 */
@FunctionalInterface
public interface DecisionListener {

    /**
     * @param decision the decision just made
     */
    void onDecision(AuthDecisionEvent decision);

    /**
     * Whether this listener has anything to do with a decision, asked before the decision's event is
     * built: when no listener wants a decision, no event is built for it (its time, its client
     * address), which matters on a path every request takes. Must be cheap; by default, every
     * decision.
     *
     * @param outcome the decision's outcome
     * @param caller the caller as the policy told it (a refused caller when the refusal names one), or
     *        {@code null}
     * @return whether {@link #onDecision} is to be called with this decision
     */
    default boolean wants(Outcome outcome, @Nullable AuthenticatedUser caller) {
        return true;
    }
}
