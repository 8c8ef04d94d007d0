package io.policyauth.jwt;

import java.time.Duration;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

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

    /**
     * Creates a token of a caller of a tenant, with the configured lifetime.
     *
     * @param subject the {@code sub} claim
     * @param scopes granted scopes
     * @param roles granted roles
     * @param tenant the caller's tenant, written in the {@code tenant} claim; {@code null} for none
     * @return the compact JWS
     */
    String createToken(String subject, Collection<String> scopes, Collection<String> roles, @Nullable String tenant);
}
