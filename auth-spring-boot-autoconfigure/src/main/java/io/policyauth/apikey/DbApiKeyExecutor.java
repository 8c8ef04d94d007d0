package io.policyauth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.CallerRateLimits;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.Denial;
import io.policyauth.core.DenialKind;
import io.policyauth.core.Handoff;
import io.policyauth.core.OutageLog;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * The {@code db_api_key} policy: a per-client key, issued by {@link ApiKeyManager}, in the key
 * header. A string that is not a well-formed key of the configured format (wrong prefix, length,
 * characters or checksum) is refused without asking the store; unknown, revoked and expired keys
 * get one and the same 401; a store that cannot answer gives 503, never 401 and never a grant. A
 * key with allowed address ranges is refused elsewhere with 403 {@code address-not-allowed}; its
 * own rate limits, or its plan's, go with the caller ({@link AuthenticatedUser#rateLimits()}).
 */
public final class DbApiKeyExecutor implements AuthExecutor {

    /** The policy name. */
    public static final String POLICY = "db_api_key";

    /** The {@link PolicyDescription#kind()} of this policy. */
    public static final String KIND = "db-api-key";

    /** The mechanism of users authenticated by this policy. */
    public static final String MECHANISM = "db_api_key";

    /** The reason of a key refused at the client's address. */
    public static final String ADDRESS_NOT_ALLOWED = "address_not_allowed";

    /** Wait suggested to clients while every concurrent lookup is in use: a flood passes quickly. */
    public static final Duration SATURATED_RETRY_AFTER = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(DbApiKeyExecutor.class);

    private final ApiKeyHeader header;
    private final ApiKeyFormat format;
    private final ApiKeyLookup lookup;
    private final LastUsedRecorder lastUsed;
    private final StorePreparation preparation;
    private final Clock clock;
    private final KeyControlsEnforcement controls;
    private final OutageLog outages;
    private final Function<StoredApiKey, AuthenticatedUser> callerOfKey = this::callerOf;

    /* What mayBlock worked out, for execute of the same request: the key is read, hashed and looked up once. */
    private final Handoff<SecurityRequestContext, Checked> checked = new Handoff<>();

    /**
     * @param headerName the request header that carries the key
     * @param format the format of issued keys
     * @param lookup finds keys by hash, through the cache
     * @param lastUsed records accepted uses
     * @param preparation creates the store's indexes when the policy is activated
     * @param clock the time source for expiry
     */
    public DbApiKeyExecutor(String headerName, ApiKeyFormat format, ApiKeyLookup lookup, LastUsedRecorder lastUsed,
            StorePreparation preparation, Clock clock) {
        this(headerName, format, lookup, lastUsed, preparation, clock, KeyControlsEnforcement.NONE);
    }

    /**
     * @param headerName the request header that carries the key
     * @param format the format of issued keys
     * @param lookup finds keys by hash, through the cache
     * @param lastUsed records accepted uses
     * @param preparation creates the store's indexes when the policy is activated
     * @param clock the time source for expiry
     * @param controls applies each key's allowed addresses and rate limits
     */
    public DbApiKeyExecutor(String headerName, ApiKeyFormat format, ApiKeyLookup lookup, LastUsedRecorder lastUsed,
            StorePreparation preparation, Clock clock, KeyControlsEnforcement controls) {
        this.header = new ApiKeyHeader(headerName);
        this.format = Objects.requireNonNull(format, "format");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.lastUsed = Objects.requireNonNull(lastUsed, "lastUsed");
        this.preparation = Objects.requireNonNull(preparation, "preparation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.outages = new OutageLog(log, "the API key store", OutageLog.DEFAULT_INTERVAL, clock);
    }

    @Override
    public String policy() {
        return POLICY;
    }

    @Override
    public PolicyDescription describe() {
        return header.describe(POLICY, KIND);
    }

    /** Creates the store's indexes; an unreachable store is logged and retried later, never thrown. */
    @Override
    public void activate() {
        preparation.prepare();
    }

    /* A key whose answer is in memory (most requests) is CPU work: a reactive front decides it inline. */
    @Override
    public boolean mayBlock(SecurityRequestContext context) {
        String key;
        try {
            key = header.read(context);
        }
        catch (AuthException refused) {
            return false;
        }
        if (!format.isWellFormed(key)) {
            return false;
        }
        String hash = ApiKeyHash.of(key);
        Optional<FoundKey> inMemory = preparation.isPrepared() ? lookup.findInMemory(hash) : null;
        checked.give(context, new Checked(hash, inMemory));
        return inMemory == null;
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        Checked handed = checked.take(context);
        String hash = handed != null ? handed.hash() : hashOfWellFormedKey(context);
        Optional<FoundKey> inMemory = handed != null ? handed.inMemory() : null;
        Optional<FoundKey> found;
        try {
            found = inMemory != null ? inMemory : lookup.find(hash);
            outages.succeeded();
        }
        catch (ApiKeyLookupRejectedException saturated) {
            throw new AuthUnavailableException("key_lookups_saturated",
                    "The API key cannot be checked right now. Try again later.", SATURATED_RETRY_AFTER, null);
        }
        catch (ApiKeyStoreException failure) {
            outages.failed(failure);
            throw new AuthUnavailableException("key_store_unavailable",
                    "The API key cannot be checked right now. Try again later.", null, failure);
        }
        preparation.prepareIfPending();
        Instant now = clock.instant();
        FoundKey key = found.orElse(null);
        if (key == null || !key.stored().metadata().isActiveAt(now)) {
            throw header.invalid();
        }
        ApiKeyMetadata metadata = key.stored().metadata();
        AuthenticatedUser caller = key.caller(callerOfKey);
        if (!controls.admitsAddress(metadata, context)) {
            throw new AuthException(new Denial(DenialKind.ADDRESS_NOT_ALLOWED, ADDRESS_NOT_ALLOWED,
                    "This API key is not accepted from this address.", List.of(), null), null).refusing(caller);
        }
        lastUsed.record(metadata.keyId(), now);
        return caller;
    }

    private String hashOfWellFormedKey(SecurityRequestContext context) {
        String key = header.read(context);
        if (!format.isWellFormed(key)) {
            throw header.invalid();
        }
        return ApiKeyHash.of(key);
    }

    /* The hash of a well-formed key, and what the lookup answered from memory (null: it needs the store). */
    private record Checked(String hash, @Nullable Optional<FoundKey> inMemory) {
    }

    /* The same for every request with the key: built once per cached key (FoundKey). */
    private AuthenticatedUser callerOf(StoredApiKey key) {
        ApiKeyMetadata metadata = key.metadata();
        AuthenticatedUser.Builder user = AuthenticatedUser.builder(metadata.owner(), MECHANISM)
                .credential(CredentialDescription.Type.API_KEY).scopes(metadata.scopes()).roles(metadata.roles())
                .tokenId(metadata.keyId()).expiresAt(metadata.expiresAt()).tenant(metadata.tenant())
                .claims(metadata.name() == null ? Map.of() : Map.of("name", metadata.name()));
        CallerRateLimits own = controls.rateLimits(metadata);
        if (own != null) {
            user.rateLimits(own);
        }
        return user.build();
    }
}
