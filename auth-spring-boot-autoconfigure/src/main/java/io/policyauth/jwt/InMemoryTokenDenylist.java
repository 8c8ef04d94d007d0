package io.policyauth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revoked token ids held in this instance's memory until the tokens can no longer be accepted:
 * their expiry plus the clock skew that verification tolerates. The default {@link TokenDenylist}.
 * Revocations are not shared with other instances; use the MongoDB denylist for that.
 */
public final class InMemoryTokenDenylist implements TokenDenylist {

    /** Expired entries are swept when the list grows past this many since the last sweep. */
    private static final int SWEEP_EVERY = 1_024;

    /** Token id to the end of its entry: the token's expiry plus the clock skew. */
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Duration clockSkew;
    private final Clock clock;
    private volatile int sizeAtLastSweep;

    /**
     * @param clockSkew how long after its expiry a token is still accepted; not negative
     * @param clock the time against which entries expire
     */
    public InMemoryTokenDenylist(Duration clockSkew, Clock clock) {
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("The clock skew must not be negative");
        }
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public boolean isRevoked(String jti) {
        Instant keepUntil = revoked.get(jti);
        return keepUntil != null && keepUntil.isAfter(clock.instant());
    }

    @Override
    public void revoke(String jti, Instant expiresAt) {
        TokenDenylist.requireRevocable(jti, expiresAt);
        revoked.merge(jti, expiresAt.plus(clockSkew), (old, now) -> now.isAfter(old) ? now : old);
        if (revoked.size() - sizeAtLastSweep >= SWEEP_EVERY) {
            sweep();
        }
    }

    /**
     * @return how many revocations are held, expired ones included until the next sweep
     */
    public int size() {
        return revoked.size();
    }

    // A revoked token past its expiry and the skew is refused as expired anyway: its entry can go.
    private void sweep() {
        Instant now = clock.instant();
        revoked.values().removeIf(expiresAt -> !expiresAt.isAfter(now));
        sizeAtLastSweep = revoked.size();
    }
}
