package io.policyauth.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Passes when any member policy passes, trying them in order. When all fail, the most specific
 * failure is thrown (see {@link DenialKind#moreSpecificThan}); a 401 then carries the challenges
 * of every member that asked for a credential, so the client learns every way in.
 */
final class AnyOfExecutor extends CompositeExecutor {

    /**
     * @param policy the composite's name
     * @param members the policies to try, in order; at least one
     */
    AnyOfExecutor(String policy, List<AuthExecutor> members) {
        super(policy, PolicyDefinition.Combination.ANY_OF, members);
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
                DenialKind kind = failure.denial().kind();
                if (kind.asksForCredential()) {
                    challenges.addAll(failure.challenges());
                }
                if (best == null || kind.moreSpecificThan(best.denial().kind())) {
                    best = failure;
                }
            }
        }
        if (best.denial().kind().asksForCredential() && challenges.size() > best.challenges().size()) {
            throw new AuthenticationException(best.denial().withChallenges(challenges), best.getCause());
        }
        throw best;
    }
}
