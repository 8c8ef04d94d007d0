package io.policyauth.gateway;

/**
 * An original request path that the gateway and its upstream could read differently; refused
 * with 400 before any policy runs.
 */
public final class AmbiguousPathException extends RuntimeException {

    private final String reason;

    /**
     * @param reason a short machine-readable reason, the tag of the rejection counter
     * @param detail what is wrong, safe to show the client (it quotes nothing of the path)
     */
    public AmbiguousPathException(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    /**
     * @return for example {@code dot_segment}
     */
    public String reason() {
        return reason;
    }
}
