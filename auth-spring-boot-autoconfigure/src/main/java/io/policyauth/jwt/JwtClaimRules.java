package io.policyauth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

import io.policyauth.core.AuthenticatedUser;

/**
 * What a verified token's claims must satisfy, and where roles are read from.
 *
 * @param issuer the exact {@code iss} required, or {@code null} to not check it
 * @param audiences accepted audiences: {@code aud} must contain one; empty to not check it
 * @param clockSkew tolerance for {@code exp} and {@code nbf}; not negative
 * @param rolesClaim the claim holding roles
 * @param clock the clock tokens are checked against
 */
public record JwtClaimRules(String issuer, Set<String> audiences, Duration clockSkew, String rolesClaim, Clock clock) {

    /** The default tolerance for {@code exp} and {@code nbf}. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    public JwtClaimRules {
        issuer = issuer == null || issuer.isBlank() ? null : issuer;
        audiences = audiences == null ? Set.of() : Set.copyOf(audiences);
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative");
        }
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? AuthenticatedUser.DEFAULT_ROLES_CLAIM : rolesClaim;
        clock = Objects.requireNonNullElse(clock, Clock.systemUTC());
    }

    /**
     * Rules on the system clock.
     *
     * @param issuer required {@code iss}, or {@code null}
     * @param audiences accepted audiences, may be empty
     * @param clockSkew tolerance for {@code exp} and {@code nbf}, or {@code null} for 60 seconds
     * @param rolesClaim the roles claim, or {@code null} for {@code roles}
     * @return the rules
     */
    public static JwtClaimRules of(String issuer, Collection<String> audiences, Duration clockSkew, String rolesClaim) {
        return new JwtClaimRules(issuer, audiences == null ? Set.of() : Set.copyOf(audiences), clockSkew, rolesClaim,
                Clock.systemUTC());
    }

    /**
     * Rules that check only signature, {@code exp}, {@code nbf} and {@code sub}.
     *
     * @return the default rules
     */
    public static JwtClaimRules defaults() {
        return of(null, Set.of(), null, null);
    }

    /**
     * These rules on another clock, for tests.
     *
     * @param other the clock
     * @return new rules
     */
    public JwtClaimRules withClock(Clock other) {
        return new JwtClaimRules(issuer, audiences, clockSkew, rolesClaim, other);
    }
}
