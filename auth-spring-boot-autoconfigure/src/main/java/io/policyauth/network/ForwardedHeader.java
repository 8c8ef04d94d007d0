package io.policyauth.network;

/**
 * The proxy header that the trusted proxies write, and so the only one read: proxies append to
 * their own header and pass the other through as the client sent it, so reading both, or
 * preferring one, lets a client name its own address.
 */
public enum ForwardedHeader {

    /** {@code X-Forwarded-For}: nginx, HAProxy, AWS ALB, ingress-nginx, Envoy by default. */
    X_FORWARDED_FOR("X-Forwarded-For"),

    /** {@code Forwarded} (RFC 7239): proxies configured to write the standard header. */
    FORWARDED("Forwarded");

    private final String headerName;

    ForwardedHeader(String headerName) {
        this.headerName = headerName;
    }

    /**
     * @return the header name
     */
    public String headerName() {
        return headerName;
    }
}
