package io.policyauth.core;

/** A policy name that no executor is registered for: a configuration error, raised at start. */
public class UnknownPolicyException extends PolicyAuthConfigurationException {

    private final String policy;

    /**
     * @param policy the unknown name
     * @param message the full explanation, naming the known policies and what to configure
     */
    public UnknownPolicyException(String policy, String message) {
        super(message, "Name a registered policy, configure the built-in one, or register an AuthExecutor "
                + "bean whose policy() is '" + policy + "'.");
        this.policy = policy;
    }

    /**
     * @return the unknown policy name
     */
    public String policy() {
        return policy;
    }
}
