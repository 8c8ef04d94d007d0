package io.policyauth.autoconfigure.apikey;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.policyauth.apikey.ApiKeyFormat;
import io.policyauth.apikey.ApiKeyLookupSettings;
import io.policyauth.apikey.SharedApiKeyExecutor;
import io.policyauth.core.CreditAllowance;

/** The "shared_api_key" and "db_api_key" policies, under {@code policy-auth.api-key}. */
@ConfigurationProperties("policy-auth.api-key")
public class ApiKeyProperties {

    /** Request header that carries the API key, for both key policies. */
    private String headerName = SharedApiKeyExecutor.DEFAULT_HEADER_NAME;

    /** Keys accepted by "shared_api_key"; list several to rotate. When empty, the policy is not registered. */
    private List<String> sharedKeys = new ArrayList<>();

    /** Prefix of issued per-client keys ("<prefix>_<secret><checksum>"): letters and digits. */
    private String prefix = ApiKeyFormat.DEFAULT_PREFIX;

    /** MongoDB collection that holds per-client keys. */
    private String collection = "api_keys";

    /** How long a found key is served from the cache; 0 turns the cache off. */
    private Duration cacheTtl = Duration.ofSeconds(30);

    /** How long an unknown key is remembered as unknown. */
    private Duration negativeCacheTtl = Duration.ofSeconds(5);

    /** Most keys held in the cache. */
    private long cacheSize = 10_000;

    /** Time limit of one key lookup in MongoDB (server-side and client-side). */
    private Duration lookupTimeout = Duration.ofMillis(300);

    /**
     * Time limit of every other key-store operation, each bounding server selection, connection
     * and the server's work: issuing, revoking, rotating and listing keys, creating indexes and
     * writing last-used times. Applies to the key store only, not to the application's own
     * MongoDB use.
     */
    private Duration managementTimeout = Duration.ofSeconds(2);

    /**
     * Most distinct keys whose last use waits to be written. Uses beyond it are dropped and
     * counted in policyauth.apikey.last_used.dropped; requests are never delayed.
     */
    private int lastUsedBufferSize = 10_000;

    /** How often buffered last-used times are written to MongoDB, one write per key per interval. */
    private Duration lastUsedFlushInterval = Duration.ofSeconds(5);

    /**
     * Most key lookups waiting on MongoDB at once. A lookup beyond it gets 503 with
     * Retry-After without a query (counted in policyauth.apikey.lookups.rejected); cached keys
     * never wait for one.
     */
    private int maxConcurrentLookups = ApiKeyLookupSettings.DEFAULT_MAX_CONCURRENT_LOOKUPS;

    /**
     * How often keys revoked or rotated out by any instance are read from MongoDB and dropped
     * from this instance's cache: the longest another instance accepts a revoked key.
     */
    private Duration revocationRefreshInterval = Duration.ofSeconds(1);

    /** How long revocations may go unread before the cache is bypassed and every lookup asks MongoDB. */
    private Duration revocationMaxStaleness = Duration.ofSeconds(30);

    /** GitHub's secret scanning partner program: leaked keys revoke themselves. */
    private final SecretScanning secretScanning = new SecretScanning();

    /** Plans by name: what a key issued under a plan may do (its rate limits). */
    private Map<String, Plan> plans = new LinkedHashMap<>();

    public Map<String, Plan> getPlans() {
        return plans;
    }

    public void setPlans(Map<String, Plan> plans) {
        this.plans = plans;
    }

    public int getMaxConcurrentLookups() {
        return maxConcurrentLookups;
    }

    public void setMaxConcurrentLookups(int maxConcurrentLookups) {
        this.maxConcurrentLookups = maxConcurrentLookups;
    }

    public Duration getRevocationRefreshInterval() {
        return revocationRefreshInterval;
    }

    public void setRevocationRefreshInterval(Duration revocationRefreshInterval) {
        this.revocationRefreshInterval = revocationRefreshInterval;
    }

    public Duration getRevocationMaxStaleness() {
        return revocationMaxStaleness;
    }

    public void setRevocationMaxStaleness(Duration revocationMaxStaleness) {
        this.revocationMaxStaleness = revocationMaxStaleness;
    }

    public String getHeaderName() {
        return headerName;
    }

    public void setHeaderName(String headerName) {
        this.headerName = headerName;
    }

    public List<String> getSharedKeys() {
        return sharedKeys;
    }

    public void setSharedKeys(List<String> sharedKeys) {
        this.sharedKeys = sharedKeys;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getCollection() {
        return collection;
    }

    public void setCollection(String collection) {
        this.collection = collection;
    }

    public Duration getCacheTtl() {
        return cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    public Duration getNegativeCacheTtl() {
        return negativeCacheTtl;
    }

    public void setNegativeCacheTtl(Duration negativeCacheTtl) {
        this.negativeCacheTtl = negativeCacheTtl;
    }

    public long getCacheSize() {
        return cacheSize;
    }

    public void setCacheSize(long cacheSize) {
        this.cacheSize = cacheSize;
    }

    public Duration getLookupTimeout() {
        return lookupTimeout;
    }

    public void setLookupTimeout(Duration lookupTimeout) {
        this.lookupTimeout = lookupTimeout;
    }

    public Duration getManagementTimeout() {
        return managementTimeout;
    }

    public void setManagementTimeout(Duration managementTimeout) {
        this.managementTimeout = managementTimeout;
    }

    public int getLastUsedBufferSize() {
        return lastUsedBufferSize;
    }

    public void setLastUsedBufferSize(int lastUsedBufferSize) {
        this.lastUsedBufferSize = lastUsedBufferSize;
    }

    public Duration getLastUsedFlushInterval() {
        return lastUsedFlushInterval;
    }

    public void setLastUsedFlushInterval(Duration lastUsedFlushInterval) {
        this.lastUsedFlushInterval = lastUsedFlushInterval;
    }

    public SecretScanning getSecretScanning() {
        return secretScanning;
    }

    /** A plan that keys are issued under. */
    public static class Plan {

        /**
         * Limits of policy-auth.rate-limits that count the requests of the plan's keys, on every
         * endpoint, in place of an endpoint's own limit.
         */
        private List<String> rateLimits = new ArrayList<>();

        /** The uses each of the plan's keys (or owner, when shared) may spend; none when unset. */
        private final Credits credits = new Credits();

        /** What the plan's limits and credits count: each key (key), or all of an owner's keys together (owner). */
        private Shared shared = Shared.KEY;

        public List<String> getRateLimits() {
            return rateLimits;
        }

        public void setRateLimits(List<String> rateLimits) {
            this.rateLimits = rateLimits;
        }

        public Credits getCredits() {
            return credits;
        }

        public Shared getShared() {
            return shared;
        }

        public void setShared(Shared shared) {
            this.shared = shared;
        }
    }

    /** What a plan's keys are counted as. */
    public enum Shared {
        /** Each key alone. */
        KEY,
        /** All the keys of one owner together: one bucket per limit, one credit pool. */
        OWNER
    }

    /** A number of uses, refilled or not. */
    public static class Credits {

        /** Uses per period; 0 for no credits. */
        private long amount;

        /** When the amount is given again: none, daily or monthly (at 00:00 UTC). */
        private CreditAllowance.Refill refill = CreditAllowance.Refill.NONE;

        public long getAmount() {
            return amount;
        }

        public void setAmount(long amount) {
            this.amount = amount;
        }

        public CreditAllowance.Refill getRefill() {
            return refill;
        }

        public void setRefill(CreditAllowance.Refill refill) {
            this.refill = refill;
        }
    }

    /** The endpoint a secret scanner reports leaked keys to (GitHub's partner program protocol). */
    public static class SecretScanning {

        /** Whether the endpoint answers; it needs db_api_key (MongoDB). */
        private boolean enabled;

        /** Where reports are posted. */
        private String path = "/secret-scanning/github";

        /** Where the scanner publishes the keys it signs reports with. */
        private URI publicKeysUri = URI.create("https://api.github.com/meta/public_keys/secret_scanning");

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public URI getPublicKeysUri() {
            return publicKeysUri;
        }

        public void setPublicKeysUri(URI publicKeysUri) {
            this.publicKeysUri = publicKeysUri;
        }
    }
}
