/**
 * DPoP (RFC 9449): proofs of possession that bind an access token to the client's key, checked
 * beside the token ({@link io.policyauth.jwt.dpop.DpopProofVerifier}), with the replay cache and
 * server nonces they need. Imports only the core; the {@code jwt} package puts it before its tokens.
 */
@NullMarked
package io.policyauth.jwt.dpop;

import org.jspecify.annotations.NullMarked;
