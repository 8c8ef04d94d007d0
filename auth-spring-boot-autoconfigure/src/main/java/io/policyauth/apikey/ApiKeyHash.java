package io.policyauth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of a key: its SHA-256 in lower-case hex. A plain hash suffices because keys
 * carry 190 random bits, so neither a dictionary nor brute force can invert it; a slow password
 * hash would only cost latency on every request.
 */
public final class ApiKeyHash {

    /*
     * MessageDigest.getInstance searches the security providers on every call, which costs more
     * under load than hashing a key does; a clone of one digest that is never updated skips it.
     */
    private static final MessageDigest SHA_256 = sha256();

    private ApiKeyHash() {
    }

    /**
     * @param key the plaintext key
     * @return its SHA-256, 64 lower-case hex characters
     */
    public static String of(String key) {
        return HexFormat.of().formatHex(digest(key));
    }

    /**
     * @param key a key
     * @return its SHA-256, 32 bytes
     */
    static byte[] digest(String key) {
        return freshDigest().digest(key.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest freshDigest() {
        try {
            return (MessageDigest) SHA_256.clone();
        }
        catch (CloneNotSupportedException notCloneable) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-256 (MessageDigest Javadoc).
            throw new IllegalStateException("SHA-256 is not available", impossible);
        }
    }
}
