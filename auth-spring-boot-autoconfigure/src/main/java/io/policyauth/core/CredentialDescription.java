package io.policyauth.core;

import org.jspecify.annotations.Nullable;
import java.util.Objects;

/**
 * Where a leaf policy finds the credential it checks, for whoever documents or forwards it
 * (the policy map, OpenAPI, gateways).
 *
 * @param type what kind of credential
 * @param header the request header that carries it, or {@code null} when none does (a client address)
 */
public record CredentialDescription(Type type, @Nullable String header) {

    /** The kinds of credential policies read. */
    public enum Type {
        /** An RFC 6750 bearer token in {@code Authorization}. */
        BEARER_TOKEN,
        /** An API key in a named header. */
        API_KEY,
        /** The client address, behind trusted proxies. */
        CLIENT_ADDRESS,
        /** Whatever the {@code Authorization} header holds, judged elsewhere (an external authorizer). */
        AUTHORIZATION_HEADER
    }

    public CredentialDescription {
        Objects.requireNonNull(type, "type");
    }

    /**
     * @return a bearer token in {@code Authorization}
     */
    public static CredentialDescription bearerToken() {
        return new CredentialDescription(Type.BEARER_TOKEN, "Authorization");
    }

    /**
     * @param header the header that carries the key
     * @return an API key in that header
     */
    public static CredentialDescription apiKey(String header) {
        return new CredentialDescription(Type.API_KEY, header);
    }
}
