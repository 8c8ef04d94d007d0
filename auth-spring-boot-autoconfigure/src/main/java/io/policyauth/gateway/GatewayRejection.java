package io.policyauth.gateway;

/**
 * A forwarded request refused before any policy runs: its caller may not ask, its body did not
 * arrive in time, or its original request cannot be read unambiguously. Counted, never decided.
 *
 * @param status the HTTP status
 * @param reason the counter's {@code reason} tag, for example {@code dot_segment}
 * @param type the problem type
 * @param title the problem title
 * @param detail what is wrong, safe to show (it quotes nothing of the request)
 */
record GatewayRejection(int status, String reason, String type, String title, String detail) {

    static GatewayRejection ambiguous(AmbiguousPathException ambiguous) {
        return unreadable(ambiguous.reason(), ambiguous.getMessage());
    }

    static GatewayRejection unreadable(String reason, String detail) {
        return new GatewayRejection(400, reason, "ambiguous-request", "Ambiguous original request", detail);
    }

    static GatewayRejection bodyTimedOut() {
        return new GatewayRejection(408, "body_timeout", "body-timeout", "Request body not received in time",
                "The request body was not received in time.");
    }

    static GatewayRejection callerNotAllowed() {
        return new GatewayRejection(403, "caller_not_allowed", "caller-not-allowed", "Caller not allowed",
                "This address may not ask for authorization decisions.");
    }
}
