package io.policyauth.core;

import org.jspecify.annotations.Nullable;

/**
 * Finds the address of the client behind a request, as the {@code internal} policy sees it, so
 * that every other user of a client address (audit, gateways) sees the same one.
 */
@FunctionalInterface
public interface ClientAddressSource {

    /** The socket peer, for applications that configure no proxy rules. */
    ClientAddressSource PEER = SecurityRequestContext::remoteAddress;

    /**
     * @param context the request
     * @return the client address as a canonical literal, or {@code null} when it cannot be told
     */
    @Nullable String clientAddress(SecurityRequestContext context);
}
