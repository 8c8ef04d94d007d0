package io.policyauth.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256, the digest policy-auth computes on the request path: API key and token hashes,
 * DPoP's {@code ath}, certificate thumbprints.
 */
public final class Sha256 {

    /*
     * MessageDigest.getInstance searches the security providers on every call, which costs more
     * under load than hashing a key does; a clone of one digest that is never updated skips it.
     */
    private static final MessageDigest PROTOTYPE = newDigest();

    private Sha256() {
    }

    /**
     * @param input the bytes to hash
     * @return their SHA-256, 32 bytes
     */
    public static byte[] of(byte[] input) {
        return digest().digest(input);
    }

    /**
     * @return a fresh SHA-256 digest, for input given in parts
     */
    public static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        }
        catch (CloneNotSupportedException notCloneable) {
            return newDigest();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-256 (MessageDigest Javadoc).
            throw new IllegalStateException("SHA-256 is not available", impossible);
        }
    }
}
