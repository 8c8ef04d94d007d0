package io.policyauth.remote;

import io.policyauth.core.AuthUnavailableException;

/** Asks an authorizer for a decision. */
@FunctionalInterface
public interface AuthorizerClient {

    /**
     * @param request what to send
     * @return the authorizer's decision: a grant or a denial
     * @throws AuthUnavailableException when the authorizer did not answer in time, could not be
     *         reached, failed (5xx) or answered something that is not a decision
     */
    AuthorizerAnswer ask(AuthorizerRequest request);
}
