package io.policyauth.jwt;

import java.util.Map;

import io.policyauth.core.AuthenticatedUser;

/**
 * Turns a verified token's claims into the caller, declared as a bean to replace the default: the
 * issuer's {@link ClaimMapping} ({@code subject-claim}, {@code scopes-claim}, {@code roles-claim},
 * {@code tenant-claim}). The user it returns must have a subject, else the token is refused. Its
 * result is cached with the token, so it must depend on the claims alone.
 */
@FunctionalInterface
public interface JwtUserMapper {

    /**
     * @param claims the verified claims, unmodifiable
     * @param mapping the issuer's configured claim mapping, for mappers that build on it
     * @return the caller
     */
    AuthenticatedUser toUser(Map<String, Object> claims, ClaimMapping mapping);

    /** The configured claim mapping. */
    JwtUserMapper DEFAULT = (claims, mapping) -> mapping.toUser(claims, NimbusJwtAuthProvider.MECHANISM);
}
