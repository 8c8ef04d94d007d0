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

    private ApiKeyHash() {
    }

    /**
     * @param key the plaintext key
     * @return its SHA-256, 64 lower-case hex characters
     */
    public static String of(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(impossible);
        }
    }
}
