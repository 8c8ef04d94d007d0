package io.policyauth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ApiKeyStore#prepare()} until it succeeds once. It is first tried when the policy is
 * activated at start; when the store is down then, start goes on (requests get 503 until it is
 * back) and preparation is retried after a later successful lookup, at most once per
 * {@link #RETRY_INTERVAL}.
 */
public final class StorePreparation {

    /** Shortest time between two attempts after a failure. */
    public static final Duration RETRY_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(StorePreparation.class);

    private final ApiKeyStore store;
    private final Clock clock;
    private final AtomicBoolean prepared = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Instant> nextAttempt = new AtomicReference<>(Instant.MIN);

    /**
     * @param store the store to prepare
     * @param clock the time source of the retry interval
     */
    public StorePreparation(ApiKeyStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Prepares the store now unless done; logs a failure as a warning and never throws. */
    public void prepare() {
        attempt(true);
    }

    /** Prepares the store if it is not yet and the retry interval has passed; never throws. */
    public void prepareIfPending() {
        if (!prepared.get() && !clock.instant().isBefore(nextAttempt.get())) {
            attempt(false);
        }
    }

    /**
     * @return whether preparation has succeeded
     */
    public boolean isPrepared() {
        return prepared.get();
    }

    private void attempt(boolean atStart) {
        if (prepared.get() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            store.prepare();
            prepared.set(true);
            if (!atStart) {
                log.info("API key store prepared (indexes created)");
            }
        }
        catch (RuntimeException failure) {
            nextAttempt.set(clock.instant().plus(RETRY_INTERVAL));
            log.warn("Could not prepare the API key store (indexes); db_api_key requests get 503 while it is"
                    + " unreachable, and preparation is retried after a successful lookup: {}", describe(failure));
        }
        finally {
            running.set(false);
        }
    }

    private static String describe(RuntimeException failure) {
        // One line with the driver's reason, not a stack trace per failed attempt.
        return failure.getCause() == null ? failure.toString() : failure.getMessage() + ": " + failure.getCause();
    }
}
