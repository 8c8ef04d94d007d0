/** Auto-configuration of remote authorizer policies and the body copying they may need: {@code policy-auth.remote.*}. */
@NullMarked
package io.policyauth.autoconfigure.remote;

import org.jspecify.annotations.NullMarked;
