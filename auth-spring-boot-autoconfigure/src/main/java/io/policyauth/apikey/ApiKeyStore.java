package io.policyauth.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where per-client keys live. Implementations store hashes only, bound every call in time and
 * report any failure to answer as {@link ApiKeyStoreException}.
 */
public interface ApiKeyStore {

    /**
     * Creates what the store needs to answer quickly and correctly (indexes). Idempotent.
     *
     * @throws ApiKeyStoreException when the store cannot be reached
     */
    void prepare();

    /**
     * The key with this hash, whatever its state (revoked and expired keys are found too).
     *
     * @param hash the SHA-256 of the presented key
     * @return the key, or empty when none has this hash
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    Optional<StoredApiKey> findByHash(String hash);

    /**
     * @param keyId a key id
     * @return the key, or empty
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    Optional<StoredApiKey> findById(String keyId);

    /**
     * Stores a new key.
     *
     * @param key the key; its id and hash must be new
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    void insert(StoredApiKey key);

    /**
     * Marks a key revoked, if it is not already.
     *
     * @param keyId the key id
     * @param at the revocation time
     * @return {@code true} when a key was revoked now
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    boolean revoke(String keyId, Instant at);

    /**
     * Brings a key's expiry forward to {@code at}, never later than it already is.
     *
     * @param keyId the key id
     * @param at the new latest expiry
     * @return {@code true} when an unrevoked key with this id exists
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    boolean expireBy(String keyId, Instant at);

    /**
     * @param owner an owner
     * @return the owner's keys, newest first
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    List<StoredApiKey> findByOwner(String owner);

    /**
     * Records last-use times, each only if later than the stored one.
     *
     * @param lastUsed key id to the time it was last accepted
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    void touchLastUsed(Map<String, Instant> lastUsed);
}
