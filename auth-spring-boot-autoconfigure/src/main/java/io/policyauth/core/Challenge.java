package io.policyauth.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One authentication challenge (RFC 9110 section 11.6.1), rendered by the web layer as a
 * {@code WWW-Authenticate} value such as {@code Bearer error="invalid_token"}.
 *
 * @param scheme the auth scheme, for example {@code Bearer} or {@code ApiKey}
 * @param params the auth parameters in order; values must never contain a credential
 */
public record Challenge(String scheme, Map<String, String> params) {

    public Challenge {
        Objects.requireNonNull(scheme, "scheme");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * A challenge with no parameters.
     *
     * @param scheme the auth scheme
     * @return the challenge
     */
    public static Challenge of(String scheme) {
        return new Challenge(scheme, Map.of());
    }

    /**
     * This challenge with one more parameter.
     *
     * @param name parameter name
     * @param value parameter value
     * @return a new challenge
     */
    public Challenge with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(params);
        more.put(name, value);
        return new Challenge(scheme, more);
    }
}
