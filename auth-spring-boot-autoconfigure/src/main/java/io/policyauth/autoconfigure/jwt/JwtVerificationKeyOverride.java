package io.policyauth.autoconfigure.jwt;

import java.security.PublicKey;

import org.jspecify.annotations.Nullable;

/**
 * Replaces the public key, JWK Set or issuer URI of a configured issuer with one public key,
 * keeping every other check of that issuer (issuer, audience, type, algorithms, claim mapping).
 * Meant for tests, whose tokens cannot be signed by a provider's private key: the starter's test
 * module provides one in test contexts only. An issuer with an HMAC secret is never asked, and a
 * replaced key is logged at start as a warning.
 */
@FunctionalInterface
public interface JwtVerificationKeyOverride {

    /**
     * @param issuerName the issuer's name under {@code policy-auth.jwt.issuers}, or {@code null} for
     *        the one configured directly under {@code policy-auth.jwt}
     * @return the key that verifies this issuer's tokens instead of its configured source, or
     *         {@code null} to keep the configured source
     */
    @Nullable PublicKey verificationKey(@Nullable String issuerName);
}
