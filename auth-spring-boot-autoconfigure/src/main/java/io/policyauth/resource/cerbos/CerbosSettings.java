package io.policyauth.resource.cerbos;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach Cerbos and what to tell it about the caller.
 *
 * @param url the Cerbos server, such as {@code http://127.0.0.1:3592}
 * @param connectTimeout longest wait for a connection
 * @param readTimeout longest wait for an answer
 * @param maxConcurrentRequests most requests waiting on Cerbos at once; more are refused at once
 * @param scopeFromTenant whether the caller's tenant is the Cerbos scope of principal and resource
 * @param implicitRoles roles every caller is sent with, beside its own (Cerbos refuses none)
 * @param principalAttributes claims of the caller's credential sent as principal attributes
 */
public record CerbosSettings(URI url, Duration connectTimeout, Duration readTimeout, int maxConcurrentRequests,
        boolean scopeFromTenant, List<String> implicitRoles, List<String> principalAttributes) {

    public CerbosSettings {
        Objects.requireNonNull(url, "url");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("Cerbos timeouts must be positive");
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("max-concurrent-requests must be positive, got "
                    + maxConcurrentRequests);
        }
        implicitRoles = List.copyOf(implicitRoles);
        principalAttributes = List.copyOf(principalAttributes);
    }
}
