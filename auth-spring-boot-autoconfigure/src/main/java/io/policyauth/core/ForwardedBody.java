package io.policyauth.core;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The body of a request that a gateway decides for another service, as the gateway forwarded it
 * (KX's {@code body} field, the body Envoy sends with {@code with_request_body}), or the knowledge
 * that none was forwarded ({@code nginx auth_request} never sends one). A policy that decides on
 * the body reads it from here instead of from {@link SecurityRequestContext#body()}.
 *
 * @param bytes the body, or {@code null} when the gateway forwards none
 * @param truncated whether the gateway sent only the start of a larger body
 */
public record ForwardedBody(byte @Nullable [] bytes, boolean truncated) {

    /** No body was forwarded: a policy that needs one cannot be asked. */
    public static final ForwardedBody UNAVAILABLE = new ForwardedBody(null, false);

    /**
     * @param bytes the whole body
     * @return it, forwarded complete
     */
    public static ForwardedBody of(byte[] bytes) {
        return new ForwardedBody(bytes, false);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForwardedBody body && truncated == body.truncated
                && Arrays.equals(bytes, body.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Boolean.hashCode(truncated);
    }

    @Override
    public String toString() {
        return bytes == null ? "ForwardedBody[unavailable]" : "ForwardedBody[" + bytes.length + " bytes"
                + (truncated ? ", truncated]" : "]");
    }
}
