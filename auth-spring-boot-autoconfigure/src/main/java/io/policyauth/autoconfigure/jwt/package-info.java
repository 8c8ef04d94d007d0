/** Auto-configuration of the {@code private} policy and the token denylist: {@code policy-auth.jwt.*}. */
package io.policyauth.autoconfigure.jwt;
