package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class InMemoryTokenDenylistTests {

    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final Duration skew = Duration.ofSeconds(60);
    private final InMemoryTokenDenylist denylist = new InMemoryTokenDenylist(skew,
            Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void revokedUntilTheTokenCanNoLongerBeAccepted() {
        denylist.revoke("jti-1", now.plus(Duration.ofMinutes(5)));
        denylist.revoke("jti-in-skew", now.minusSeconds(59));
        denylist.revoke("jti-old", now.minus(skew));

        assertThat(denylist.isRevoked("jti-1")).isTrue();
        assertThat(denylist.isRevoked("jti-2")).isFalse();
        assertThat(denylist.isRevoked("jti-in-skew")).as("still accepted within the clock skew").isTrue();
        assertThat(denylist.isRevoked("jti-old")).as("past expiry and skew it is refused as expired").isFalse();
    }

    @Test
    void expiredEntriesAreSweptSoTheListHoldsOnlyLiveTokens() {
        for (int i = 0; i < 5_000; i++) {
            denylist.revoke("expired-" + i, now.minus(skew));
        }
        denylist.revoke("live", now.plusSeconds(60));

        assertThat(denylist.size()).isLessThan(1_100);
        assertThat(denylist.isRevoked("live")).isTrue();
    }

    @Test
    void aTokenWithoutIdOrExpiryCannotBeRevoked() {
        assertThatThrownBy(() -> denylist.revoke(null, now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> denylist.revoke("x", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenDenylist.none().revoke("x", now))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
