/**
 * The {@code private} policy: bearer JWTs verified with Nimbus (HMAC secret, RSA/EC public key or
 * JWK Set URI), strict claim validation, and the {@link io.policyauth.jwt.TokenIssuer}.
 */
@NullMarked
package io.policyauth.jwt;

import org.jspecify.annotations.NullMarked;
