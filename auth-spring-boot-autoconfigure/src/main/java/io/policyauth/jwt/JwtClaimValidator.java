package io.policyauth.jwt;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One more check of a verified token's claims, declared as a bean: for every issuer, or for one of
 * {@code policy-auth.jwt.issuers} by name. For example "{@code azp} must be {@code orders-web}":
 * <pre>{@code
 * @Bean
 * JwtClaimValidator ordersWebOnly() {
 *     return claims -> "orders-web".equals(claims.get("azp"));
 * }
 * }</pre>
 * A token whose claims fail is refused with 401 {@code invalid_token} (reason
 * {@code claim_rejected}). Runs after the signature, expiry, issuer and audience checks.
 */
@FunctionalInterface
public interface JwtClaimValidator {

    /**
     * @param claims the verified claims
     * @return whether the token is accepted
     */
    boolean isValid(Map<String, Object> claims);

    /**
     * @return the name of the one issuer of {@code policy-auth.jwt.issuers} this check is for, or
     *         {@code null} for every issuer (the top-level one included)
     */
    default @Nullable String issuerName() {
        return null;
    }
}
