package io.policyauth.core;

import java.util.List;

/**
 * Passes when every member policy passes, in order; the first failure is thrown. The caller is
 * the first member's user that carries a subject (is not anonymous).
 */
public final class AllOfExecutor implements AuthExecutor {

    private final String policy;
    private final List<AuthExecutor> members;

    /**
     * @param policy the composite's name
     * @param members the policies that must all pass; at least one
     */
    public AllOfExecutor(String policy, List<AuthExecutor> members) {
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

    @Override
    public void activate() {
        members.forEach(AuthExecutor::activate);
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        AuthenticatedUser caller = null;
        for (AuthExecutor member : members) {
            AuthenticatedUser user = member.execute(context);
            if (caller == null && !user.isAnonymous()) {
                caller = user;
            }
        }
        return caller != null ? caller : AuthenticatedUser.anonymous();
    }
}
