package io.policyauth.apikey;

import org.jspecify.annotations.Nullable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.policyauth.core.CallerRateLimits;
import io.policyauth.core.CreditLedger;

/**
 * Issues, lists, revokes and rotates per-client keys of the {@code db_api_key} policy, and sets
 * their controls. Revoking, rotating or changing controls through this manager takes effect at once
 * on this instance; other instances read it from the store's change feed within
 * {@code policy-auth.api-key.revocation-refresh-interval}.
 */
public final class ApiKeyManager {

    /** Length of key ids in base62 characters (about 95 random bits). */
    static final int KEY_ID_LENGTH = 16;

    private final ApiKeyStore store;
    private final ApiKeyFormat format;
    private final ApiKeyLookup lookup;
    private final StorePreparation preparation;
    private final Clock clock;
    private final KeyControlsCheck controlsCheck;
    private final KeyControlsEnforcement controls;
    private final @Nullable CreditLedger credits;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param store where keys are stored
     * @param format the format of new keys
     * @param lookup the cache to keep consistent with changes made here
     * @param preparation makes sure indexes exist before the first key is stored
     * @param clock the time source
     */
    public ApiKeyManager(ApiKeyStore store, ApiKeyFormat format, ApiKeyLookup lookup, StorePreparation preparation,
            Clock clock) {
        this(store, format, lookup, preparation, clock, KeyControlsCheck.NONE);
    }

    /**
     * @param store where keys are stored
     * @param format the format of new keys
     * @param lookup the cache to keep consistent with changes made here
     * @param preparation makes sure indexes exist before the first key is stored
     * @param clock the time source
     * @param controlsCheck checks a key's controls against the configuration before they are stored
     */
    public ApiKeyManager(ApiKeyStore store, ApiKeyFormat format, ApiKeyLookup lookup, StorePreparation preparation,
            Clock clock, KeyControlsCheck controlsCheck) {
        this(store, format, lookup, preparation, clock, controlsCheck, KeyControlsEnforcement.NONE, null);
    }

    /**
     * @param store where keys are stored
     * @param format the format of new keys
     * @param lookup the cache to keep consistent with changes made here
     * @param preparation makes sure indexes exist before the first key is stored
     * @param clock the time source
     * @param controlsCheck checks a key's controls against the configuration before they are stored
     * @param controls resolves a key's plan, as requests see it
     * @param credits where the keys' credits are kept, or {@code null} without rate limits
     */
    public ApiKeyManager(ApiKeyStore store, ApiKeyFormat format, ApiKeyLookup lookup, StorePreparation preparation,
            Clock clock, KeyControlsCheck controlsCheck, KeyControlsEnforcement controls,
            @Nullable CreditLedger credits) {
        this.controls = Objects.requireNonNull(controls, "controls");
        this.credits = credits;
        this.store = Objects.requireNonNull(store, "store");
        this.format = Objects.requireNonNull(format, "format");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.preparation = Objects.requireNonNull(preparation, "preparation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.controlsCheck = Objects.requireNonNull(controlsCheck, "controlsCheck");
    }

    /**
     * Issues a key with no tenant.
     *
     * @see #issue(String, String, Collection, Collection, String, Instant)
     */
    public IssuedApiKey issue(String owner, String name, Collection<String> scopes, Collection<String> roles,
            Instant expiresAt) {
        return issue(owner, name, scopes, roles, null, expiresAt);
    }

    /**
     * Issues a key. The plaintext is in the result and nowhere else: only its hash is stored.
     *
     * @param owner the owner (client id), the subject of requests made with the key; not blank
     * @param name a human label, or {@code null}
     * @param scopes granted scopes, stored lower-cased, or {@code null} for none
     * @param roles granted roles, or {@code null} for none
     * @param tenant the tenant, or {@code null}
     * @param expiresAt when the key stops working, in the future, or {@code null} for never
     * @return the plaintext key and what was stored
     * @throws IllegalArgumentException for a blank owner or an expiry not in the future
     * @throws ApiKeyStoreException when the store cannot be written
     */
    public IssuedApiKey issue(String owner, @Nullable String name, @Nullable Collection<String> scopes,
            @Nullable Collection<String> roles, @Nullable String tenant, @Nullable Instant expiresAt) {
        return issue(owner, name, scopes, roles, tenant, expiresAt, KeyControls.NONE);
    }

    /**
     * Issues a key with controls of its own: its rate limits or plan, the addresses it is accepted
     * from, limits shared with its owner's other keys.
     *
     * @param owner the owner (client id), the subject of requests made with the key; not blank
     * @param name a human label, or {@code null}
     * @param scopes granted scopes, stored lower-cased, or {@code null} for none
     * @param roles granted roles, or {@code null} for none
     * @param tenant the tenant, or {@code null}
     * @param expiresAt when the key stops working, in the future, or {@code null} for never
     * @param controls the key's controls
     * @return the plaintext key and what was stored
     * @throws IllegalArgumentException for a blank owner, an expiry not in the future, or controls
     *         naming a limit or plan that is not configured or an address range that does not parse
     * @throws ApiKeyStoreException when the store cannot be written
     */
    public IssuedApiKey issue(String owner, @Nullable String name, @Nullable Collection<String> scopes,
            @Nullable Collection<String> roles, @Nullable String tenant, @Nullable Instant expiresAt,
            KeyControls controls) {
        controlsCheck.check(controls);
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("An API key needs an owner");
        }
        // Stores keep milliseconds; truncating here makes the returned metadata equal the stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiry = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
        if (expiry != null && !expiry.isAfter(now)) {
            throw new IllegalArgumentException("An API key's expiry must be in the future");
        }
        preparation.prepare();
        String key = format.generate();
        ApiKeyMetadata metadata = new ApiKeyMetadata(Base62.random(random, KEY_ID_LENGTH), owner, name,
                lowerCase(scopes), copy(roles), tenant, now, expiry, null, null, controls);
        store.insert(new StoredApiKey(ApiKeyHash.of(key), metadata));
        return new IssuedApiKey(key, metadata);
    }

    /**
     * Revokes a key: it is refused from now on, on this instance at once.
     *
     * @param keyId the key id
     * @return {@code true} when an unrevoked key was revoked, {@code false} when none exists or it
     *         was already revoked
     * @throws ApiKeyStoreException when the store cannot be written
     */
    public boolean revoke(String keyId) {
        Optional<StoredApiKey> stored = store.findById(keyId);
        if (stored.isEmpty()) {
            return false;
        }
        boolean revoked = store.revoke(keyId, clock.instant());
        // After the write, so a lookup that read the old state is waited for and then dropped.
        lookup.invalidate(stored.get().hash());
        return revoked;
    }

    /**
     * Replaces a key's controls: at once on this instance, on the others within the revocation
     * refresh interval.
     *
     * @param keyId the key id
     * @param controls the new controls
     * @return {@code true} when the key exists
     * @throws IllegalArgumentException for controls naming a limit or plan that is not configured or
     *         an address range that does not parse
     * @throws ApiKeyStoreException when the store cannot be written
     */
    public boolean setControls(String keyId, KeyControls controls) {
        controlsCheck.check(controls);
        Optional<StoredApiKey> stored = store.findById(keyId);
        if (stored.isEmpty()) {
            return false;
        }
        boolean changed = store.updateControls(keyId, controls);
        // After the write, as for a revocation.
        lookup.invalidate(stored.get().hash());
        return changed;
    }

    /**
     * @param keyId a key id
     * @return what is left of the key's credits (its own, its plan's, or its owner's when shared) in
     *         the current period; empty when the key does not exist or has no credits
     * @throws io.policyauth.core.AuthUnavailableException when the credits' store cannot be asked
     * @throws ApiKeyStoreException when the key store cannot answer
     */
    public OptionalLong remainingCredits(String keyId) {
        Optional<CallerRateLimits> own = ownLimits(keyId);
        if (own.isEmpty() || own.get().credits() == null || credits == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(credits.remaining(own.get().bucket(), own.get().credits()));
    }

    /**
     * Sets what is left of a key's credits in the current period: at once, on every instance.
     *
     * @param keyId a key id
     * @param remaining what is to be left, not negative (more than the amount is a top-up)
     * @return {@code true} when the key exists and has credits
     * @throws IllegalArgumentException for a negative count
     * @throws io.policyauth.core.AuthUnavailableException when the credits' store cannot be asked
     * @throws ApiKeyStoreException when the key store cannot answer
     */
    public boolean setRemainingCredits(String keyId, long remaining) {
        if (remaining < 0) {
            throw new IllegalArgumentException("Remaining credits cannot be negative, got " + remaining);
        }
        Optional<CallerRateLimits> own = ownLimits(keyId);
        if (own.isEmpty() || own.get().credits() == null || credits == null) {
            return false;
        }
        credits.setRemaining(own.get().bucket(), own.get().credits(), remaining);
        return true;
    }

    /**
     * What a key did per UTC day: granted, refused by reason, credits spent. Counted in the
     * background, so the latest requests show within {@code last-used-flush-interval}.
     *
     * @param keyId a key id
     * @param from the first UTC day
     * @param to the last UTC day, included
     * @return the days it was used, oldest first
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     * @throws ApiKeyStoreException when the store cannot answer
     */
    public List<KeyUsage> usage(String keyId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The last day " + to + " is before the first " + from);
        }
        return store.usage(keyId, from, to);
    }

    private Optional<CallerRateLimits> ownLimits(String keyId) {
        return store.findById(keyId).map(key -> controls.rateLimits(key.metadata()));
    }

    /**
     * Revokes a key found outside, by its secret (a secret scanner's report): the key is looked up by
     * its hash, never kept.
     *
     * @param presented the secret as found
     * @return the key's metadata when the secret is one of this store's keys (revoked now, or before),
     *         else empty (a string not of the keys' format is not looked up)
     * @throws ApiKeyStoreException when the store cannot be read or written
     */
    public Optional<ApiKeyMetadata> revokeLeaked(String presented) {
        // What could never authenticate is not looked up: a report of junk costs no query.
        if (!format.isWellFormed(presented)) {
            return Optional.empty();
        }
        Optional<StoredApiKey> stored = store.findByHash(ApiKeyHash.of(presented));
        stored.ifPresent(key -> revoke(key.metadata().keyId()));
        return stored.map(StoredApiKey::metadata);
    }

    /**
     * The keys of an owner, newest first, with neither secret nor hash.
     *
     * @param owner the owner
     * @return their metadata, revoked and expired keys included
     * @throws ApiKeyStoreException when the store cannot answer
     */
    public List<ApiKeyMetadata> list(String owner) {
        return store.findByOwner(owner).stream().map(StoredApiKey::metadata).toList();
    }

    /**
     * The metadata of one key.
     *
     * @param keyId the key id
     * @return its metadata, or empty
     * @throws ApiKeyStoreException when the store cannot answer
     */
    public Optional<ApiKeyMetadata> find(String keyId) {
        return store.findById(keyId).map(StoredApiKey::metadata);
    }

    /**
     * Replaces a key: issues a new one with the same owner, name, scopes, roles, tenant and expiry,
     * and lets the old one expire after the grace period (or at its own expiry, if sooner), so
     * clients can switch without an outage.
     *
     * @param keyId the key to replace
     * @param grace how long the old key keeps working; zero ends it now
     * @return the new key
     * @throws IllegalArgumentException when no active key has this id, or for a negative grace
     * @throws ApiKeyStoreException when the store cannot be written
     */
    public IssuedApiKey rotate(String keyId, Duration grace) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("The grace period must be zero or positive");
        }
        Instant now = clock.instant();
        StoredApiKey old = store.findById(keyId).filter(key -> key.metadata().isActiveAt(now))
                .orElseThrow(() -> new IllegalArgumentException("No active API key with id " + keyId));
        ApiKeyMetadata was = old.metadata();
        IssuedApiKey replacement = issue(was.owner(), was.name(), was.scopes(), was.roles(), was.tenant(),
                was.expiresAt(), was.controls());
        store.expireBy(keyId, now.plus(grace));
        lookup.invalidate(old.hash());
        return replacement;
    }

    private static @Nullable Set<String> lowerCase(@Nullable Collection<String> scopes) {
        if (scopes == null) {
            return null;
        }
        Set<String> normalized = new LinkedHashSet<>();
        scopes.forEach(scope -> normalized.add(scope.toLowerCase(Locale.ROOT)));
        return normalized;
    }

    private static @Nullable Set<String> copy(@Nullable Collection<String> values) {
        return values == null ? null : new LinkedHashSet<>(values);
    }
}
