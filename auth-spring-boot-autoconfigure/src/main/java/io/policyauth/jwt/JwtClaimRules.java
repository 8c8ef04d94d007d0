package io.policyauth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.CredentialDescription;


/**
 * What a verified token's claims and type must satisfy, and where the caller's subject, scopes,
 * roles and tenant are read from.
 *
 * @param issuer the exact {@code iss} required, or {@code null} to not check it
 * @param audiences accepted audiences: {@code aud} must contain one; empty to not check it
 * @param clockSkew tolerance for {@code exp} and {@code nbf}; not negative
 * @param mapping where the subject, scopes, roles and tenant are
 * @param validators further checks of the claims, all of which must pass
 * @param userMapper turns the claims into the caller
 * @param requiredType the {@code typ} header required (RFC 8725 section 3.11), such as
 *        {@code at+jwt} (RFC 9068), matched with or without the {@code application/} prefix and in
 *        any case; {@code null} to not check it
 * @param clock the clock tokens are checked against
 */
public record JwtClaimRules(@Nullable String issuer, Set<String> audiences, Duration clockSkew,
        ClaimMapping mapping, List<JwtClaimValidator> validators, JwtUserMapper userMapper,
        @Nullable String requiredType, Clock clock) {

    /** The default tolerance for {@code exp} and {@code nbf}. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    public JwtClaimRules {
        issuer = issuer == null || issuer.isBlank() ? null : issuer;
        audiences = audiences == null ? Set.of() : Set.copyOf(audiences);
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative");
        }
        mapping = Objects.requireNonNullElse(mapping, ClaimMapping.DEFAULT);
        validators = validators == null ? List.of() : List.copyOf(validators);
        userMapper = Objects.requireNonNullElse(userMapper, JwtUserMapper.DEFAULT);
        requiredType = requiredType == null || requiredType.isBlank() ? null : withoutApplicationPrefix(requiredType);
        clock = Objects.requireNonNullElse(clock, Clock.systemUTC());
    }

    /**
     * @param type a token's {@code typ} header, or {@code null}
     * @return whether it satisfies {@link #requiredType()}
     */
    public boolean acceptsType(String type) {
        return requiredType == null || (type != null && requiredType.equalsIgnoreCase(withoutApplicationPrefix(type)));
    }

    /**
     * These rules requiring another {@code iss}.
     *
     * @param other the required issuer
     * @return new rules
     */
    public JwtClaimRules withIssuer(String other) {
        return new JwtClaimRules(other, audiences, clockSkew, mapping, validators, userMapper, requiredType, clock);
    }

    /**
     * These rules requiring a {@code typ}.
     *
     * @param type the required type, or {@code null} for none
     * @return new rules
     */
    public JwtClaimRules withRequiredType(@Nullable String type) {
        return new JwtClaimRules(issuer, audiences, clockSkew, mapping, validators, userMapper, type, clock);
    }

    /**
     * These rules with further claim checks and another way to build the caller.
     *
     * @param checks the checks, all of which must pass
     * @param mapper turns the claims into the caller
     * @return new rules
     */
    public JwtClaimRules withSeams(List<JwtClaimValidator> checks, JwtUserMapper mapper) {
        return new JwtClaimRules(issuer, audiences, clockSkew, mapping, checks, mapper, requiredType, clock);
    }

    /**
     * These rules reading the caller from other claims.
     *
     * @param other the claim mapping
     * @return new rules
     */
    public JwtClaimRules withMapping(ClaimMapping other) {
        return new JwtClaimRules(issuer, audiences, clockSkew, other, validators, userMapper, requiredType, clock);
    }

    // RFC 7515 section 4.1.9: "application/" is to be omitted, and media types are case-insensitive.
    private static String withoutApplicationPrefix(String type) {
        String trimmed = type.strip();
        return trimmed.regionMatches(true, 0, "application/", 0, 12) ? trimmed.substring(12) : trimmed;
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
    public static JwtClaimRules of(@Nullable String issuer, Collection<String> audiences,
            @Nullable Duration clockSkew, @Nullable String rolesClaim) {
        return new JwtClaimRules(issuer, audiences == null ? Set.of() : Set.copyOf(audiences), clockSkew,
                rolesClaim == null || rolesClaim.isBlank() ? ClaimMapping.DEFAULT
                        : ClaimMapping.DEFAULT.withRoles(List.of(rolesClaim)), List.of(), JwtUserMapper.DEFAULT, null,
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
        return new JwtClaimRules(issuer, audiences, clockSkew, mapping, validators, userMapper, requiredType, other);
    }

    /**
     * The application's own checks, then its mapping, on claims already verified: what they throw is
     * theirs, not the token's.
     *
     * @param verified the verified claims, unmodifiable
     * @return the caller, presented with a bearer token
     * @throws io.policyauth.core.AuthenticationException when a check refuses the claims or the caller has no subject
     */
    AuthenticatedUser callerOf(Map<String, Object> verified) {
        for (JwtClaimValidator validator : validators) {
            if (!validator.isValid(verified)) {
                throw TokenRejections.claimRejected();
            }
        }
        AuthenticatedUser mapped = userMapper.toUser(verified, mapping);
        if (mapped == null || mapped.subject().isBlank()) {
            throw TokenRejections.missingSubject();
        }
        return mapped.presentedWith(CredentialDescription.Type.BEARER_TOKEN);
    }
}
