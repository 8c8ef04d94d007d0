/** A {@link io.policyauth.jwt.TokenDenylist} shared by every instance through MongoDB. */
package io.policyauth.jwt.mongo;
