package io.policyauth.web;

import io.policyauth.core.AuthenticatedUser;

/** The names under which both fronts leave what they decided on the request (or exchange). */
public final class PolicyAuthAttributes {

    /** The {@link AuthenticatedUser} of a granted request. */
    public static final String USER = AuthenticatedUser.class.getName();

    private PolicyAuthAttributes() {
    }
}
