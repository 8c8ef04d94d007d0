package io.policyauth.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Passes when any member policy passes, trying them in order. When all fail, the most specific
 * failure is thrown (see {@link AuthException#specificity()}); a 401 then carries the challenges
 * of every member that asked for a credential, so the client learns every way in.
 */
public final class AnyOfExecutor extends CompositeExecutor {

    /**
     * @param policy the composite's name
     * @param members the policies to try, in order; at least one
     */
    public AnyOfExecutor(String policy, List<AuthExecutor> members) {
        super(policy, members);
    }

    @Override
    public String combination() {
        return "any-of";
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        AuthException best = null;
        List<Challenge> challenges = new ArrayList<>();
        for (AuthExecutor member : members()) {
            try {
                return member.execute(context);
            }
            catch (AuthException failure) {
                if (failure instanceof AuthenticationException unauthenticated) {
                    challenges.addAll(unauthenticated.challenges());
                }
                if (best == null || failure.specificity() > best.specificity()) {
                    best = failure;
                }
            }
        }
        if (best instanceof AuthenticationException unauthenticated
                && challenges.size() > unauthenticated.challenges().size()) {
            throw new AuthenticationException(best.reason(), best.detail(),
                    unauthenticated.credentialPresented(), challenges, best.getCause());
        }
        throw best;
    }
}
