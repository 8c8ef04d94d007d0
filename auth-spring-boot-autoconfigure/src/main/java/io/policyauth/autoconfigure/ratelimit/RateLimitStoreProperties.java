package io.policyauth.autoconfigure.ratelimit;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where rate limits are counted, under {@code policy-auth.rate-limits}, beside the limits
 * themselves: these three names are settings, never limit names.
 */
@ConfigurationProperties(RateLimitStoreProperties.PREFIX)
public class RateLimitStoreProperties {

    /** Where the limits and these settings are configured. */
    public static final String PREFIX = "policy-auth.rate-limits";

    /** The names of these settings, which no limit may take. */
    public static final Set<String> SETTINGS = Set.of("store", "on-store-failure", "local-batch");

    /** Where requests are counted: memory (this instance, exact) or redis (shared by every instance). */
    private Store store = Store.MEMORY;

    /** What a request under a limit gets while the shared store cannot be asked: deny (503) or allow. */
    private StoreFailure onStoreFailure = StoreFailure.DENY;

    /**
     * Requests an instance may admit on its own before it counts them in the shared store: each
     * instance may then admit up to this many beyond a limit. 0 counts every request in the store.
     */
    private long localBatch;

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public StoreFailure getOnStoreFailure() {
        return onStoreFailure;
    }

    public void setOnStoreFailure(StoreFailure onStoreFailure) {
        this.onStoreFailure = onStoreFailure;
    }

    public long getLocalBatch() {
        return localBatch;
    }

    public void setLocalBatch(long localBatch) {
        this.localBatch = localBatch;
    }

    /** Where requests are counted. */
    public enum Store {
        /** In this instance's memory: exact for one instance. */
        MEMORY,
        /** In Redis, through the application's Lettuce client: shared by every instance. */
        REDIS
    }

    /** What happens to a request under a limit while the shared store cannot be asked. */
    public enum StoreFailure {
        /** Refused with 503 and {@code Retry-After}. */
        DENY,
        /** Admitted uncounted, and logged. */
        ALLOW
    }
}
