package io.policyauth.core;

import java.util.List;

/** A policy made of other policies, which are activated with it. Built by {@link Policies}. */
abstract sealed class CompositeExecutor implements AuthExecutor permits AnyOfExecutor, AllOfExecutor {

    private final String policy;
    private final PolicyDefinition.Combination combination;
    private final List<AuthExecutor> members;
    private final boolean readsBody;
    private final boolean mayBlock;

    /**
     * @param policy the composite's name
     * @param combination how members combine
     * @param members the member policies, in order; at least one
     */
    CompositeExecutor(String policy, PolicyDefinition.Combination combination, List<AuthExecutor> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("Policy '" + policy + "' has no member policies");
        }
        this.policy = policy;
        this.combination = combination;
        this.members = List.copyOf(members);
        // Asked on every reactive decision: known once, since the members are fixed.
        this.readsBody = this.members.stream().anyMatch(AuthExecutor::readsBody);
        this.mayBlock = this.members.stream().anyMatch(AuthExecutor::mayBlock);
    }

    @Override
    public String policy() {
        return policy;
    }

    @Override
    public boolean mayBlock() {
        return mayBlock;
    }

    @Override
    public boolean mayBlock(SecurityRequestContext context) {
        if (!mayBlock) {
            return false;
        }
        for (AuthExecutor member : members) {
            if (member.mayBlock(context)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the body when any member does. */
    @Override
    public boolean readsBody() {
        return readsBody;
    }

    /**
     * @return the member policies, in order
     */
    List<AuthExecutor> members() {
        return members;
    }

    @Override
    public PolicyDescription describe() {
        return new PolicyDescription(policy, combination.kind(), members, Requirements.NONE, null, List.of(), null);
    }

    @Override
    public void activate() {
        members.forEach(AuthExecutor::activate);
    }
}
