package io.policyauth.core;

import org.jspecify.annotations.Nullable;

/**
 * A configuration that policy-auth cannot start with: a property, an annotation or a bean that is
 * wrong. The message says what is wrong, naming the property or handler, never a secret;
 * {@link #action()} says what to do. Spring Boot reports it as "APPLICATION FAILED TO START"
 * through policy-auth's failure analyzer.
 */
public class PolicyAuthConfigurationException extends IllegalStateException {

    private final String action;

    /**
     * @param description what is wrong, naming the property, annotation or handler
     * @param action what to do about it
     */
    public PolicyAuthConfigurationException(String description, String action) {
        this(description, action, null);
    }

    /**
     * @param description what is wrong, naming the property, annotation or handler
     * @param action what to do about it
     * @param cause the underlying failure, or {@code null}
     */
    public PolicyAuthConfigurationException(String description, String action, @Nullable Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /**
     * @return what to do about it
     */
    public String action() {
        return action;
    }
}
