package io.policyauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Step-up (RFC 9470): a token whose {@code acr} is one of those required and whose
 * {@code auth_time} is recent enough passes; any other bearer token gets 401
 * {@code insufficient_user_authentication} naming {@code acr_values} and {@code max_age}.
 */
class RequirementsStepUpTests {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private final Requirements stepUp = Requirements.NONE.withStepUp(List.of("urn:mfa", "urn:hwk"),
            Duration.ofMinutes(5));

    @Test
    void anAcceptedClassAndARecentLoginPass() {
        assertThatNoException().isThrownBy(() -> stepUp.check(token("urn:hwk", NOW.minusSeconds(300)), NOW));
    }

    @Test
    void anotherClassAnOldLoginOrNoClaimsAreRefusedWithTheChallenge() {
        for (AuthenticatedUser user : List.of(token("urn:pwd", NOW), token("urn:mfa", NOW.minusSeconds(301)),
                token(null, null))) {
            assertThatThrownBy(() -> stepUp.check(user, NOW)).isInstanceOfSatisfying(AuthenticationException.class,
                    refused -> {
                        assertThat(refused.denial().kind().status()).isEqualTo(401);
                        assertThat(refused.denial().reason()).isEqualTo("insufficient_user_authentication");
                        assertThat(refused.denial().challenges()).containsExactly(new Challenge("Bearer", Map.of(
                                "error", "insufficient_user_authentication",
                                "error_description", "A different authentication level is required",
                                "acr_values", "urn:mfa urn:hwk", "max_age", "300")));
                    });
        }
    }

    @Test
    void aCredentialThatCannotStepUpIs403WithoutAChallenge() {
        AuthenticatedUser key = AuthenticatedUser.builder("client-1", "shared_api_key").build();

        assertThatThrownBy(() -> stepUp.check(key, NOW)).isInstanceOfSatisfying(ForbiddenException.class,
                refused -> assertThat(refused.denial().challenges()).isEmpty());
    }

    @Test
    void requirementsTogetherNeedAClassBothAcceptAndTheShorterAge() {
        Requirements other = Requirements.NONE.withStepUp(List.of("urn:hwk"), Duration.ofMinutes(1));

        Requirements both = stepUp.and(other);

        assertThat(both.acr()).containsExactly("urn:hwk");
        assertThat(both.maxAge()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> stepUp.and(Requirements.NONE.withStepUp(List.of("urn:pwd"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none in common");
    }

    @Test
    void thePolicyJudgesTheAgeByTheApplicationsClock() {
        AuthExecutor fixed = Policies.withRequirements(new Admitting(token("urn:mfa", NOW.minusSeconds(200))), stepUp,
                Clock.fixed(NOW, ZoneOffset.UTC));
        AuthExecutor later = Policies.withRequirements(new Admitting(token("urn:mfa", NOW.minusSeconds(200))),
                stepUp, Clock.fixed(NOW.plusSeconds(200), ZoneOffset.UTC));
        SecurityRequestContext request = SecurityRequestContext.of("127.0.0.1", Map.of());

        assertThat(fixed.execute(request).subject()).isEqualTo("alice");
        assertThatThrownBy(() -> later.execute(request)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> Policies.withRequirements(new Admitting(token("urn:mfa", NOW)), stepUp))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
    }

    private static AuthenticatedUser token(String acr, Instant authTime) {
        AuthenticatedUser.Builder user = AuthenticatedUser.builder("alice", "jwt")
                .credential(CredentialDescription.Type.BEARER_TOKEN);
        if (acr != null) {
            user.claims(authTime == null ? Map.of("acr", acr)
                    : Map.of("acr", acr, "auth_time", authTime.getEpochSecond()));
        }
        return user.build();
    }

    /** A policy that admits one caller. */
    private record Admitting(AuthenticatedUser user) implements AuthExecutor {

        @Override
        public String policy() {
            return "admitting";
        }

        @Override
        public AuthenticatedUser execute(SecurityRequestContext context) {
            return user;
        }
    }
}
