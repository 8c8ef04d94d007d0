package io.policyauth.core;

import java.util.List;

/** The {@code public} policy: everyone passes and no credential is read, good or bad. */
public final class PublicExecutor implements AuthExecutor {

    /** The policy name. */
    public static final String POLICY = "public";

    @Override
    public String policy() {
        return POLICY;
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        return AuthenticatedUser.anonymous();
    }

    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public PolicyDescription describe() {
        return PolicyDescription.leaf(POLICY, PolicyDescription.PUBLIC, null, List.of());
    }
}
