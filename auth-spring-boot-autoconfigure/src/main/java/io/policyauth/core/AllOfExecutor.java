package io.policyauth.core;

import java.util.List;

/**
 * Passes when every member policy passes, in order; the first failure is thrown. The caller is
 * the first member's user that carries a subject (is not anonymous).
 */
final class AllOfExecutor extends CompositeExecutor {

    /**
     * @param policy the composite's name
     * @param members the policies that must all pass; at least one
     */
    AllOfExecutor(String policy, List<AuthExecutor> members) {
        super(policy, PolicyDefinition.Combination.ALL_OF, members);
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        AuthenticatedUser caller = null;
        for (AuthExecutor member : members()) {
            AuthenticatedUser user;
            try {
                user = member.execute(context);
            }
            catch (AuthException refused) {
                throw caller == null ? refused : refused.refusing(caller);
            }
            if (caller == null && !user.isAnonymous()) {
                caller = user;
            }
        }
        return caller != null ? caller : AuthenticatedUser.anonymous();
    }
}
