package io.policyauth.core;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a leaf policy finds the credential it checks, for whoever documents or forwards it
 * (the policy map, OpenAPI, gateways).
 *
 * @param type what kind of credential
 * @param header the request header that carries it, or {@code null} when none does (a client address)
 * @param format the token's format ({@code JWT}), or {@code null} when the policy does not read it
 *        (an opaque token, a key)
 * @param issuers who issues the credentials a bearer-token policy accepts, each documented on its
 *        own; empty when the policy does not say
 */
public record CredentialDescription(Type type, @Nullable String header, @Nullable String format,
        List<Issuer> issuers) {

    /**
     * One issuer of bearer tokens.
     *
     * @param name the name its tokens are documented under: the policy that admits only them
     * @param discovery its OpenID Connect configuration document, or {@code null} when it is not
     *        found by discovery
     */
    public record Issuer(String name, @Nullable URI discovery) {
    }

    /** The kinds of credential policies read. */
    public enum Type {
        /** An RFC 6750 bearer token in {@code Authorization}. */
        BEARER_TOKEN,
        /** An API key in a named header. */
        API_KEY,
        /** The client address, behind trusted proxies. */
        CLIENT_ADDRESS,
        /** Whatever the {@code Authorization} header holds, judged elsewhere (an external authorizer). */
        AUTHORIZATION_HEADER,
        /** A TLS client certificate, or the one a trusted proxy forwards. */
        CLIENT_CERTIFICATE
    }

    public CredentialDescription {
        Objects.requireNonNull(type, "type");
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
    }

    /**
     * @param type what kind of credential
     * @param header the request header that carries it, or {@code null}
     */
    public CredentialDescription(Type type, @Nullable String header) {
        this(type, header, null, List.of());
    }

    /**
     * @return a bearer token in {@code Authorization}
     */
    public static CredentialDescription bearerToken() {
        return new CredentialDescription(Type.BEARER_TOKEN, "Authorization");
    }

    /**
     * @param format the token's format, for example {@code JWT}
     * @param issuers who issues the tokens
     * @return a bearer token of that format, from those issuers, in {@code Authorization}
     */
    public static CredentialDescription bearerToken(String format, List<Issuer> issuers) {
        return new CredentialDescription(Type.BEARER_TOKEN, "Authorization", format, issuers);
    }

    /**
     * @param header the header that carries the key
     * @return an API key in that header
     */
    public static CredentialDescription apiKey(String header) {
        return new CredentialDescription(Type.API_KEY, header);
    }
}
