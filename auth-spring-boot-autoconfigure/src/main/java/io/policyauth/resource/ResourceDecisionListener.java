package io.policyauth.resource;

/**
 * Told of every check {@link ResourceChecks} makes, on the request thread: must be quick and must
 * not throw (a failure is logged and ignored, never turned into a denial or a grant).
 */
@FunctionalInterface
public interface ResourceDecisionListener {

    /**
     * @param decision the check just made
     */
    void onDecision(ResourceDecisionEvent decision);
}
