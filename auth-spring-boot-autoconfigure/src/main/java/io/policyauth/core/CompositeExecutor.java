package io.policyauth.core;

import java.util.List;

/** A policy made of other policies, which are activated with it. */
public abstract sealed class CompositeExecutor implements AuthExecutor permits AnyOfExecutor, AllOfExecutor {

    private final String policy;
    private final List<AuthExecutor> members;

    /**
     * @param policy the composite's name
     * @param members the member policies, in order; at least one
     */
    protected CompositeExecutor(String policy, List<AuthExecutor> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("Policy '" + policy + "' has no member policies");
        }
        this.policy = policy;
        this.members = List.copyOf(members);
    }

    @Override
    public String policy() {
        return policy;
    }

    /**
     * @return the member policies, in order
     */
    public List<AuthExecutor> members() {
        return members;
    }

    /**
     * @return how members combine, {@code any-of} or {@code all-of}
     */
    public abstract String combination();

    @Override
    public void activate() {
        members.forEach(AuthExecutor::activate);
    }
}
