package io.policyauth.apikey;

import java.util.Objects;

/**
 * A key as the store holds it: its metadata and the hash it is found by. Never leaves the
 * library; {@link ApiKeyManager#list} hands out metadata only.
 *
 * @param hash the SHA-256 of the key, see {@link ApiKeyHash}
 * @param metadata the rest of the document
 */
public record StoredApiKey(String hash, ApiKeyMetadata metadata) {

    public StoredApiKey {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    public String toString() {
        // The hash is a password equivalent for lookups; keep it out of logs.
        return "StoredApiKey[keyId=" + metadata.keyId() + "]";
    }
}
