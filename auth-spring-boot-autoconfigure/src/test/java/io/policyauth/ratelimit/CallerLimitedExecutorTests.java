package io.policyauth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.policyauth.apikey.TestClock;
import io.policyauth.core.AuthException;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.CallerRateLimits;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.CreditAllowance;
import io.policyauth.core.CreditSpending;
import io.policyauth.core.DenialKind;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.Requirements;
import io.policyauth.core.SecurityRequestContext;

/**
 * A caller's credits: each request's cost spent, nothing spent when too few are left, refilled daily
 * at 00:00 UTC.
 */
class CallerLimitedExecutorTests {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-05T22:00:00Z"));
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);

    @Test
    void eachRequestSpendsItsCostAndOneThatCostsMoreThanIsLeftSpendsNothing() {
        CreditAllowance credits = new CreditAllowance(5, CreditAllowance.Refill.DAILY);
        AuthExecutor policy = CallerLimitedExecutor.around(keyHolder(credits), Map.of(), limiter, 2, clock,
                CreditSpending.NONE);
        RateLimiterCreditLedger ledger = new RateLimiterCreditLedger(limiter, clock);

        policy.execute(request());
        policy.execute(request());
        AuthException refused = catchThrowableOfType(AuthException.class, () -> policy.execute(request()));

        assertThat(refused.denial().kind()).isEqualTo(DenialKind.USAGE_EXCEEDED);
        assertThat(refused.denial().headers()).containsEntry("Retry-After", Long.toString(2 * 3600));
        assertThat(ledger.remaining("key:k1", credits)).as("1 left, 2 asked: nothing spent").isEqualTo(1);

        clock.advance(Duration.ofHours(2));
        assertThat(ledger.remaining("key:k1", credits)).as("a new day").isEqualTo(5);
        policy.execute(request());
        assertThat(ledger.remaining("key:k1", credits)).isEqualTo(3);
    }

    @Test
    void aPolicyThatAdmitsNoApiKeyIsLeftAsItIs() {
        AuthExecutor bearer = new AuthExecutor() {
            @Override
            public String policy() {
                return "bearer-only";
            }

            @Override
            public AuthenticatedUser execute(SecurityRequestContext context) {
                return AuthenticatedUser.builder("alice", "jwt").build();
            }
        };

        assertThat(CallerLimitedExecutor.around(bearer, Map.of(), limiter, 1, clock, CreditSpending.NONE))
                .isSameAs(bearer);
    }

    private static AuthExecutor keyHolder(CreditAllowance credits) {
        return new AuthExecutor() {
            @Override
            public String policy() {
                return "keys";
            }

            @Override
            public PolicyDescription describe() {
                return new PolicyDescription("keys", "db-api-key", List.of(), Requirements.NONE,
                        new CredentialDescription(CredentialDescription.Type.API_KEY, "X-API-KEY"), List.of(),
                        Map.of());
            }

            @Override
            public AuthenticatedUser execute(SecurityRequestContext context) {
                return AuthenticatedUser.builder("client", "db_api_key").tokenId("k1")
                        .rateLimits(new CallerRateLimits(List.of(), "key:k1", credits)).build();
            }
        };
    }

    private static SecurityRequestContext request() {
        return SecurityRequestContext.of("127.0.0.1", Map.of());
    }
}
