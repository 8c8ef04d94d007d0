package io.policyauth.ratelimit;

import java.time.Duration;

/** Counts requests against rate limits: in memory for one instance, or in a store every instance shares. */
public interface RateLimiter {

    /**
     * Takes {@code cost} from the bucket, when it holds that much; nothing otherwise.
     *
     * @param limit the limit
     * @param bucket the caller's bucket within it (see {@link RateLimitKey})
     * @param cost what the request costs, at least 1
     * @return whether it was admitted, and what is left
     * @throws io.policyauth.core.AuthUnavailableException when a shared store cannot be asked (503)
     */
    Consumption consume(RateLimit limit, String bucket, long cost);

    /**
     * @param limit the limit
     * @param bucket a bucket within it
     * @return what the bucket holds now
     * @throws io.policyauth.core.AuthUnavailableException when a shared store cannot be asked
     */
    long available(RateLimit limit, String bucket);

    /**
     * Sets what a bucket holds (above its capacity too: a top-up).
     *
     * @param limit the limit
     * @param bucket a bucket within it
     * @param tokens what it is to hold, not negative
     * @throws io.policyauth.core.AuthUnavailableException when a shared store cannot be asked
     */
    void setAvailable(RateLimit limit, String bucket, long tokens);

    /**
     * @return whether counting may wait on I/O
     */
    default boolean mayBlock() {
        return false;
    }

    /**
     * What one request took from its bucket.
     *
     * @param admitted whether the bucket held the cost
     * @param counted whether the request was counted: not when a shared store could not be asked and
     *        its failures are allowed through
     * @param remaining what is left in the bucket
     * @param retryAfter how long until the cost would be admitted; zero when it was
     * @param reset how long until the bucket is full again
     */
    record Consumption(boolean admitted, boolean counted, long remaining, Duration retryAfter, Duration reset) {

        /** @return a request admitted without being counted, its store unavailable */
        public static Consumption uncounted() {
            return new Consumption(true, false, 0, Duration.ZERO, Duration.ZERO);
        }
    }
}
