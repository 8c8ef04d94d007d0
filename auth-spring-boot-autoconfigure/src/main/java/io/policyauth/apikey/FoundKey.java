package io.policyauth.apikey;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthenticatedUser;

/**
 * A key {@link ApiKeyLookup} found by its hash, as its cache keeps it: with the caller built from it,
 * so that a key in use becomes a caller once per cache entry rather than on every request. A
 * reload from the store makes a new one, so the caller never outlives the stored key it was built
 * from.
 */
public final class FoundKey {

    private final StoredApiKey stored;

    /* Built on first use; a race builds it twice, equal both times, and keeps either. */
    private volatile @Nullable BuiltCaller caller;

    /**
     * @param stored the key as the store holds it
     */
    public FoundKey(StoredApiKey stored) {
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    /**
     * @return the key as the store holds it
     */
    public StoredApiKey stored() {
        return stored;
    }

    /**
     * The caller this key stands for, built by {@code build} the first time it is asked for.
     *
     * @param build turns the stored key into its caller; the same function every time (another
     *        function, as a second policy's, builds anew and is kept instead)
     * @return the caller
     */
    public AuthenticatedUser caller(Function<StoredApiKey, AuthenticatedUser> build) {
        BuiltCaller built = caller;
        if (built == null || built.build() != build) {
            built = new BuiltCaller(build, build.apply(stored));
            caller = built;
        }
        return built.caller();
    }

    @Override
    public String toString() {
        return stored.toString();
    }

    private record BuiltCaller(Function<StoredApiKey, AuthenticatedUser> build, AuthenticatedUser caller) {
    }
}
