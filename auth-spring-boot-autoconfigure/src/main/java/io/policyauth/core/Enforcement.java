package io.policyauth.core;

/** Whether a policy's denials are enforced or only recorded. */
public enum Enforcement {

    /** A denial stops the request. */
    ENFORCE,
    /**
     * A denial is recorded (outcome {@code would_deny}, a log line) and the request proceeds as
     * the anonymous user: for switching auth on for a live API and watching before enforcing.
     */
    DRY_RUN
}
