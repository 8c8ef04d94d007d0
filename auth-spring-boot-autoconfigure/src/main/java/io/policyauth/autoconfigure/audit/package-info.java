/** Auto-configuration of audit trail of decisions: {@code policy-auth.audit.*}. */
@NullMarked
package io.policyauth.autoconfigure.audit;

import org.jspecify.annotations.NullMarked;
