package io.policyauth.apikey;

import java.time.Instant;
import java.time.LocalDate;
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
     * Marks a key revoked, if it is not already, stamping the change for {@link #changesSince}.
     *
     * @param keyId the key id
     * @param at the revocation time
     * @return {@code true} when a key was revoked now
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    boolean revoke(String keyId, Instant at);

    /**
     * Replaces a key's controls, stamping the change for {@link #changesSince} so that every
     * instance reads them again.
     *
     * @param keyId the key id
     * @param controls the new controls
     * @return {@code true} when a key with this id exists
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    boolean updateControls(String keyId, KeyControls controls);

    /**
     * Brings a key's expiry forward to {@code at}, never later than it already is, stamping the
     * change for {@link #changesSince}.
     *
     * @param keyId the key id
     * @param at the new latest expiry
     * @return {@code true} when an unrevoked key with this id exists
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    boolean expireBy(String keyId, Instant at);

    /**
     * The newest stamp of a revocation or early expiry, so that a new reader of the change feed
     * starts from now rather than from the first change ever made.
     *
     * @return the store's time of the latest change, or empty when none was ever made or this
     *         store does not record changes
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    default Optional<Instant> latestChange() {
        return Optional.empty();
    }

    /**
     * The keys revoked, expired early or given other controls at or after a time of the store's clock, so that every
     * instance can drop them from its cache. Stores that record no changes return none, and
     * other instances then serve a revoked key until their cached copy expires.
     *
     * @param since a store time, as given by {@link #latestChange()} or an earlier change
     * @return the changes, oldest first
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    default List<KeyChange> changesSince(Instant since) {
        return List.of();
    }

    /**
     * A key that stopped working early.
     *
     * @param hash the key's hash
     * @param changedAt when, by the store's clock
     */
    record KeyChange(String hash, Instant changedAt) {

        @Override
        public String toString() {
            return "KeyChange[changedAt=" + changedAt + "]";
        }
    }

    /**
     * @param owner an owner
     * @return the owner's keys, newest first
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    List<StoredApiKey> findByOwner(String owner);

    /**
     * Adds counts to each key's usage of each day.
     *
     * @param usage what keys did, per key and day, to add to what is stored
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    void addUsage(List<KeyUsage> usage);

    /**
     * @param keyId a key id
     * @param from the first UTC day
     * @param to the last UTC day, included
     * @return its usage on the days it was used, oldest first
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    List<KeyUsage> usage(String keyId, LocalDate from, LocalDate to);

    /**
     * Records last-use times, each only if later than the stored one.
     *
     * @param lastUsed key id to the time it was last accepted
     * @throws ApiKeyStoreException when the store cannot answer in time
     */
    void touchLastUsed(Map<String, Instant> lastUsed);
}
