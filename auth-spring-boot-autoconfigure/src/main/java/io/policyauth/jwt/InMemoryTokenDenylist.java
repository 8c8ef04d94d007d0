package io.policyauth.jwt;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revoked token ids held in this instance's memory until the tokens expire: the default
 * {@link TokenDenylist}. Revocations are not shared with other instances; use the MongoDB
 * denylist for that.
 */
public final class InMemoryTokenDenylist implements TokenDenylist {

    /** Expired entries are swept when the list grows past this many since the last sweep. */
    private static final int SWEEP_EVERY = 1_024;

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int sizeAtLastSweep;

    /**
     * @param clock the time against which entries expire
     */
    public InMemoryTokenDenylist(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isRevoked(String jti) {
        Instant expiresAt = revoked.get(jti);
        return expiresAt != null && expiresAt.isAfter(clock.instant());
    }

    @Override
    public void revoke(String jti, Instant expiresAt) {
        TokenDenylist.requireRevocable(jti, expiresAt);
        revoked.merge(jti, expiresAt, (old, now) -> now.isAfter(old) ? now : old);
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

    // A revoked token that has expired is refused for its expiry anyway: its entry can go.
    private void sweep() {
        Instant now = clock.instant();
        revoked.values().removeIf(expiresAt -> !expiresAt.isAfter(now));
        sizeAtLastSweep = revoked.size();
    }
}
