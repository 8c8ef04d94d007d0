/** Auto-configuration of rate limits: the named limits and the counter. */
@NullMarked
package io.policyauth.autoconfigure.ratelimit;

import org.jspecify.annotations.NullMarked;
