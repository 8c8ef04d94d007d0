package io.policyauth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the {@link NimbusTokenIssuer} writes besides the caller's subject, scopes and roles.
 *
 * @param issuer the {@code iss} claim, or {@code null} for none
 * @param audiences the {@code aud} claim; empty for none
 * @param lifetime default time from issue to {@code exp}; positive
 * @param rolesClaim the claim that holds roles
 * @param type the {@code typ} header, {@code JWT} when {@code null}
 * @param clock the clock of {@code iat}, {@code nbf} and {@code exp}
 */
public record TokenSettings(@Nullable String issuer, List<String> audiences, Duration lifetime, String rolesClaim,
        @Nullable String type,
        Clock clock) {

    /** The default token lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(60);

    public TokenSettings {
        issuer = issuer == null || issuer.isBlank() ? null : issuer;
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        lifetime = lifetime == null ? DEFAULT_LIFETIME : lifetime;
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive");
        }
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? JwtClaimNames.ROLES : rolesClaim;
        type = type == null || type.isBlank() ? "JWT" : type;
        clock = Objects.requireNonNullElse(clock, Clock.systemUTC());
    }

    /**
     * These settings writing another {@code typ}.
     *
     * @param other the type, {@code null} for {@code JWT}
     * @return new settings
     */
    public TokenSettings withType(@Nullable String other) {
        return new TokenSettings(issuer, audiences, lifetime, rolesClaim, other, clock);
    }

    /**
     * These settings on another clock.
     *
     * @param other the clock
     * @return new settings
     */
    public TokenSettings withClock(Clock other) {
        return new TokenSettings(issuer, audiences, lifetime, rolesClaim, type, other);
    }

    /**
     * Settings on the system clock.
     *
     * @param issuer {@code iss}, or {@code null}
     * @param audiences {@code aud}, may be empty
     * @param lifetime default lifetime, or {@code null} for 60 minutes
     * @param rolesClaim roles claim, or {@code null} for {@code roles}
     * @return the settings
     */
    public static TokenSettings of(@Nullable String issuer, List<String> audiences, @Nullable Duration lifetime,
            @Nullable String rolesClaim) {
        return new TokenSettings(issuer, audiences, lifetime, rolesClaim, null, Clock.systemUTC());
    }
}
