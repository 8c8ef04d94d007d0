package io.policyauth.test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.policyauth.apikey.ApiKeyStore;
import io.policyauth.apikey.KeyControls;
import io.policyauth.apikey.KeyUsage;
import io.policyauth.apikey.StoredApiKey;

/**
 * The key store of a test context that starts no MongoDB, such as a {@code @WebMvcTest} slice: the
 * {@code db_api_key} policy exists, so endpoints that use it start, and a request that reaches the
 * store fails naming what to do instead.
 */
final class AbsentApiKeyStore implements ApiKeyStore {

    static final String MESSAGE = "db_api_key looked a key up, but this test context starts no MongoDB "
            + "(a @WebMvcTest slice does not). Use policyUser(...) or @WithPolicyUser to stand in for the key, "
            + "or start MongoDB (@SpringBootTest, or @AutoConfigureDataMongo on the slice).";

    @Override
    public void prepare() {
        // Nothing to prepare: nothing is stored.
    }

    @Override
    public Optional<StoredApiKey> findByHash(String hash) {
        throw absent();
    }

    @Override
    public Optional<StoredApiKey> findById(String keyId) {
        throw absent();
    }

    @Override
    public void insert(StoredApiKey key) {
        throw absent();
    }

    @Override
    public boolean revoke(String keyId, Instant at) {
        throw absent();
    }

    @Override
    public boolean expireBy(String keyId, Instant at) {
        throw absent();
    }

    @Override
    public boolean updateControls(String keyId, KeyControls controls) {
        throw absent();
    }

    @Override
    public void addUsage(List<KeyUsage> usage) {
        // Nothing to count: no key is ever found.
    }

    @Override
    public List<KeyUsage> usage(String keyId, LocalDate from, LocalDate to) {
        throw absent();
    }

    @Override
    public List<StoredApiKey> findByOwner(String owner) {
        throw absent();
    }

    @Override
    public void touchLastUsed(Map<String, Instant> lastUsed) {
        // Only ever called after a lookup, which fails first.
    }

    private static IllegalStateException absent() {
        return new IllegalStateException(MESSAGE);
    }
}
