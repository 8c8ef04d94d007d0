package io.policyauth.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The headers a policy adds to the answer of a request it admits, such as a rate limit's
 * {@code RateLimit}: one per request, in its {@link SecurityRequestContext}, handed to the front in
 * {@link Decision.Granted#headers()}. Empty, it allocates nothing more.
 */
public final class GrantHeaders {

    private @Nullable Map<String, String> headers;

    /**
     * @param name a header name
     * @param value its value, replacing any set before
     */
    public synchronized void set(String name, String value) {
        if (headers == null) {
            headers = new LinkedHashMap<>(4);
        }
        headers.put(name, value);
    }

    /**
     * @return the headers set so far, in their order
     */
    public synchronized Map<String, String> asMap() {
        return headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
