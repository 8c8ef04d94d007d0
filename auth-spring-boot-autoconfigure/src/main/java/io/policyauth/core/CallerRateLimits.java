package io.policyauth.core;

import java.util.List;
import java.util.Objects;

/**
 * Rate limits of the caller's own (an API key's, or its plan's), which count its requests in place
 * of an endpoint's limit.
 *
 * @param names names of configured rate limits, not empty
 * @param bucket what the requests are counted as: the key, or its owner when the owner's keys share
 *        their limits
 */
public record CallerRateLimits(List<String> names, String bucket) {

    public CallerRateLimits {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
        Objects.requireNonNull(bucket, "bucket");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("A caller's own rate limits name at least one limit");
        }
    }
}
