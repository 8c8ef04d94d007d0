package io.policyauth.jwt.dpop;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server nonces for DPoP proofs (RFC 9449 section 8), which limit how long before its use a client
 * could have made a proof. A nonce names a time window and carries an HMAC of it, so nothing is
 * stored: one is accepted in its window and the next. Instances that share the secret accept each
 * other's nonces; with a random secret, each only its own.
 */
public final class DpopNonces {

    /** The shortest secret, in bytes. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String HMAC = "HmacSHA256";
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;
    private final long windowMillis;
    private final Clock clock;

    /**
     * @param secret the HMAC key, at least {@value #MIN_SECRET_BYTES} bytes
     * @param lifetime how long a nonce is offered; it is accepted for up to twice as long
     * @param clock the time
     */
    public DpopNonces(byte[] secret, Duration lifetime, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the nonce secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (lifetime.toMillis() < 1000) {
            throw new IllegalArgumentException("a nonce must live at least one second");
        }
        this.key = new SecretKeySpec(secret.clone(), HMAC);
        this.windowMillis = lifetime.toMillis();
        this.clock = clock;
    }

    /**
     * @param lifetime how long a nonce is offered
     * @param clock the time
     * @return nonces under a random secret, accepted by this instance only
     */
    public static DpopNonces random(Duration lifetime, Clock clock) {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return new DpopNonces(secret, lifetime, clock);
    }

    /**
     * @return the nonce of the current window, for a {@code DPoP-Nonce} header
     */
    public String current() {
        return nonce(window());
    }

    /**
     * @param nonce a proof's {@code nonce}
     * @return whether it is this window's or the previous one's
     */
    public boolean isValid(String nonce) {
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(nonce);
        }
        catch (IllegalArgumentException malformed) {
            return false;
        }
        if (presented.length != Long.BYTES + MAC_BYTES) {
            return false;
        }
        long window = ByteBuffer.wrap(presented).getLong();
        long now = window();
        return (window == now || window == now - 1)
                && MessageDigest.isEqual(presented, Base64.getUrlDecoder().decode(nonce(window)));
    }

    private long window() {
        return clock.millis() / windowMillis;
    }

    private String nonce(long window) {
        byte[] windowBytes = ByteBuffer.allocate(Long.BYTES).putLong(window).array();
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] tag = mac.doFinal(windowBytes);
            ByteBuffer nonce = ByteBuffer.allocate(Long.BYTES + MAC_BYTES).put(windowBytes).put(tag, 0, MAC_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
        }
        catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is not available", unavailable);
        }
    }
}
