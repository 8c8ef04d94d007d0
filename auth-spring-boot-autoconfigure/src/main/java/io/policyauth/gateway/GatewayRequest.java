package io.policyauth.gateway;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.RequestHeaders;

/**
 * A request to one of the gateway endpoints, as a web front read it.
 *
 * @param peerAddress the socket peer (the gateway) as a literal
 * @param headers the request's headers
 * @param method the request's method
 * @param endpoint its raw path after the gateway path, for example {@code /nginx} or
 *        {@code /envoy/orders/7}
 * @param query its raw query string, or {@code null}
 * @param body for what {@link GatewayEndpoints#readsBody} names, the start of the body (at most one
 *        byte more than {@link GatewayEndpoints#maxBodyBytes()}); else {@code null}
 */
public record GatewayRequest(String peerAddress, RequestHeaders headers, String method, String endpoint,
        @Nullable String query, byte @Nullable [] body) {
}
