package io.policyauth.apikey;

import java.util.Objects;

/**
 * A newly issued key: the plaintext, available exactly once, here, and its stored metadata.
 * {@link #toString()} leaves the plaintext out so that logging this object does not leak it.
 *
 * @param key the plaintext key to hand to the client; it is not stored and cannot be shown again
 * @param metadata what was stored
 */
public record IssuedApiKey(String key, ApiKeyMetadata metadata) {

    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    public String toString() {
        return "IssuedApiKey[keyId=" + metadata.keyId() + ", key=(hidden)]";
    }
}
