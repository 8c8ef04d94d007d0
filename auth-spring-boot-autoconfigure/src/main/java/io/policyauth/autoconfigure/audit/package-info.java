/** Auto-configuration of audit trail of decisions: {@code policy-auth.audit.*}. */
package io.policyauth.autoconfigure.audit;
