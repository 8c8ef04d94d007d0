package io.policyauth.apikey;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.policyauth.core.Sha256;

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
        return HexFormat.of().formatHex(digest(key));
    }

    /**
     * @param key a key
     * @return its SHA-256, 32 bytes
     */
    static byte[] digest(String key) {
        return Sha256.of(key.getBytes(StandardCharsets.UTF_8));
    }
}
