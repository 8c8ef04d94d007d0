/** A {@link io.policyauth.jwt.TokenDenylist} shared by every instance through MongoDB. */
@NullMarked
package io.policyauth.jwt.mongo;

import org.jspecify.annotations.NullMarked;
