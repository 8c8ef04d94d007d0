package io.policyauth.web;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.RequestHeaders;

/**
 * A request to one of policy-auth's own endpoints (the gateway's, the tenant admin API), as a web
 * front read it, before any handler.
 *
 * @param peerAddress the socket peer as a literal
 * @param headers the request's headers
 * @param method the request's method
 * @param endpoint its raw path after the endpoints' own path, for example {@code /nginx} or
 *        {@code /envoy/orders/7}
 * @param query its raw query string, or {@code null}
 * @param body for the endpoints that read one, the start of the body (at most one byte more than
 *        they accept); else {@code null}
 */
public record EndpointRequest(String peerAddress, RequestHeaders headers, String method, String endpoint,
        @Nullable String query, byte @Nullable [] body) {
}
