package io.policyauth.core;

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
}
