package io.policyauth.benchmarks.load;

/**
 * Marks controllers that policy-auth does not check: the unprotected baseline and the Spring
 * Security peers, which must not pay for a policy-auth decision on top of their own.
 */
interface ExemptFromPolicyAuth {
}
