/** Auto-configuration of remote authorizer policies and the body copying they may need: {@code policy-auth.remote.*}. */
package io.policyauth.autoconfigure.remote;
