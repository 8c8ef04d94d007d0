package io.policyauth.core;

/** A policy name that no executor is registered for: a configuration error, raised at start. */
public class UnknownPolicyException extends IllegalStateException {

    private final String policy;

    /**
     * @param policy the unknown name
     * @param message the full explanation, naming the known policies and what to configure
     */
    public UnknownPolicyException(String policy, String message) {
        super(message);
        this.policy = policy;
    }

    /**
     * @return the unknown policy name
     */
    public String policy() {
        return policy;
    }
}
