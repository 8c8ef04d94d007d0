/** Auto-configuration of the {@code private} policy and the token denylist: {@code policy-auth.jwt.*}. */
@NullMarked
package io.policyauth.autoconfigure.jwt;

import org.jspecify.annotations.NullMarked;
