package io.policyauth.core;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Rate limits and credits of the caller's own (an API key's, or its plan's): the limits count its
 * requests in place of an endpoint's limit, the credits are spent by each request's cost.
 *
 * @param names names of configured rate limits; may be empty when there are credits
 * @param bucket what the requests are counted as: the key, or its owner when the owner's keys share
 *        their limits and credits
 * @param credits the uses it may spend, or {@code null} for no such bound
 */
public record CallerRateLimits(List<String> names, String bucket, @Nullable CreditAllowance credits) {

    public CallerRateLimits {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
        Objects.requireNonNull(bucket, "bucket");
        if (names.isEmpty() && credits == null) {
            throw new IllegalArgumentException("A caller's own limits name a limit or credits");
        }
    }
}
