package io.policyauth.core;

/**
 * The credits callers hold, where they are counted (memory or a shared store): read and set by
 * whoever manages them ({@code ApiKeyManager}), spent by requests.
 */
public interface CreditLedger {

    /**
     * @param bucket the key, or its owner, as {@link CallerRateLimits#bucket()} names it
     * @param allowance its credits
     * @return what is left in the current period
     * @throws AuthUnavailableException when a shared store cannot be asked
     */
    long remaining(String bucket, CreditAllowance allowance);

    /**
     * @param bucket the key, or its owner
     * @param allowance its credits
     * @param remaining what is to be left in the current period, not negative (more than the amount
     *        is allowed: a top-up)
     * @throws AuthUnavailableException when a shared store cannot be asked
     */
    void setRemaining(String bucket, CreditAllowance allowance, long remaining);
}
