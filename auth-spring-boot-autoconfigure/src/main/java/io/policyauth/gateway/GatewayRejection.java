package io.policyauth.gateway;

/**
 * A forwarded request refused before any policy runs: its caller may not ask, or its original
 * request cannot be read unambiguously. Counted, never decided.
 *
 * @param status the HTTP status
 * @param reason the counter's {@code reason} tag, for example {@code dot_segment}
 * @param detail what is wrong, safe to show (it quotes nothing of the request)
 */
record GatewayRejection(int status, String reason, String detail) {

    static GatewayRejection of(AmbiguousPathException ambiguous) {
        return new GatewayRejection(400, ambiguous.reason(), ambiguous.getMessage());
    }
}
