package io.policyauth.core;

/**
 * Puts a policy under a rate limit, for the web layer, which knows the limit only by name: the
 * mechanism that counts requests.
 */
public interface RateLimitGuard {

    /**
     * @param policy the policy that admits the caller first
     * @param limit the name of a configured rate limit
     * @param cost what one request takes from it
     * @param origin where the limit was named, for messages
     * @return the policy under the limit
     * @throws PolicyAuthConfigurationException for a limit that is not configured or a cost it cannot hold
     */
    AuthExecutor limited(AuthExecutor policy, String limit, long cost, String origin);

    /**
     * @param policy an endpoint's policy
     * @param cost what one request takes from a caller's credits
     * @return the policy, counting callers with rate limits or credits of their own
     *         ({@link AuthenticatedUser#rateLimits()}) against them; the policy itself when it admits
     *         no such caller
     */
    AuthExecutor callerLimited(AuthExecutor policy, long cost);
}
