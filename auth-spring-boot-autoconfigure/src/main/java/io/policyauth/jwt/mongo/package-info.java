/**
 * What the {@code private} policy shares with every instance through MongoDB: the
 * {@link io.policyauth.jwt.TokenDenylist} and the DPoP proofs already seen.
 */
@NullMarked
package io.policyauth.jwt.mongo;

import org.jspecify.annotations.NullMarked;
