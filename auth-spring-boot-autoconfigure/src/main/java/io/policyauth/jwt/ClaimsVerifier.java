package io.policyauth.jwt;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Checks the registered claims of a signature-verified payload (RFC 7519 section 4.1) straight on
 * the parsed JSON map, so no second claims object is built on the hot path.
 */
final class ClaimsVerifier {

    private final String issuer;
    private final Set<String> audiences;
    private final long skewMillis;
    private final Clock clock;

    ClaimsVerifier(JwtClaimRules rules) {
        this.issuer = rules.issuer();
        this.audiences = rules.audiences();
        this.skewMillis = rules.clockSkew().toMillis();
        this.clock = rules.clock();
    }


    /**
     * @return the token's {@code exp}, in milliseconds since the epoch
     */
    long verify(Map<String, Object> claims) {
        long now = clock.millis();
        Object exp = claims.get("exp");
        if (exp == null) {
            throw TokenRejections.missingExpiry();
        }
        long expiresAt = epochMillis(exp);
        if (now - skewMillis >= expiresAt) {
            throw TokenRejections.expired();
        }
        Object nbf = claims.get("nbf");
        if (nbf != null && now + skewMillis < epochMillis(nbf)) {
            throw TokenRejections.notYetValid();
        }
        if (issuer != null && !issuer.equals(claims.get(JwtClaimNames.ISSUER))) {
            throw TokenRejections.badIssuer();
        }
        if (!audiences.isEmpty() && !acceptsAudience(claims.get("aud"))) {
            throw TokenRejections.badAudience();
        }
        return expiresAt;
    }

    private boolean acceptsAudience(Object aud) {
        if (aud instanceof String single) {
            return audiences.contains(single);
        }
        if (aud instanceof Collection<?> many) {
            for (Object one : many) {
                if (one instanceof String name && audiences.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A NumericDate is seconds since the epoch, possibly fractional (RFC 7519 section 2). */
    private static long epochMillis(Object numericDate) {
        if (numericDate instanceof Long || numericDate instanceof Integer) {
            return Math.multiplyExact(((Number) numericDate).longValue(), 1000L);
        }
        if (numericDate instanceof Number number && Double.isFinite(number.doubleValue())) {
            return (long) (number.doubleValue() * 1000d);
        }
        throw TokenRejections.malformed();
    }
}
