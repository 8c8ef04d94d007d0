package io.policyauth.jwt;

import java.time.Duration;
import java.util.Collection;

/** Creates signed tokens that the {@code private} policy of the same configuration accepts. */
public interface TokenIssuer {

    /**
     * Creates a token with the configured lifetime, issuer and audience, and a fresh {@code jti}.
     *
     * @param subject the {@code sub} claim
     * @param scopes granted scopes, written space separated in {@code scope}
     * @param roles granted roles, written as an array in the configured roles claim
     * @return the compact JWS
     */
    String createToken(String subject, Collection<String> scopes, Collection<String> roles);

    /**
     * Creates a token with the given lifetime.
     *
     * @param subject the {@code sub} claim
     * @param scopes granted scopes
     * @param roles granted roles
     * @param lifetime time from now to {@code exp}; positive
     * @return the compact JWS
     */
    String createToken(String subject, Collection<String> scopes, Collection<String> roles, Duration lifetime);
}
