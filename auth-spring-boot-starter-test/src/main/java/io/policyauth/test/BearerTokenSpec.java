package io.policyauth.test;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A bearer token to sign: the caller, further claims, the issuer and the lifetime. Every token is
 * signed so that the application's {@code private} policy verifies it for real.
 *
 * @param <S> the concrete builder, returned by every method
 */
public abstract class BearerTokenSpec<S extends BearerTokenSpec<S>> extends IdentitySpec<S> {

    /** The lifetime of a token whose test does not set one. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private @Nullable String issuerName;
    private Duration expiresIn = DEFAULT_LIFETIME;
    private @Nullable DpopKey dpopKey;

    BearerTokenSpec() {
    }

    /**
     * A claim of the token, set last: it replaces a claim the builder would write (even {@code iss},
     * {@code aud} or {@code exp}, to test that they are checked).
     *
     * @param name the claim
     * @param value its value: a string, number, boolean, list or map
     * @return this builder
     */
    public S claim(String name, Object value) {
        claims.put(Objects.requireNonNull(name, "name"), value);
        return self();
    }

    /**
     * @param name the issuer's name under {@code policy-auth.jwt.issuers}: the token is signed and
     *        claimed for it; without it, the issuer configured directly under {@code policy-auth.jwt},
     *        or the only one
     * @return this builder
     */
    public S issuer(String name) {
        this.issuerName = Objects.requireNonNull(name, "name");
        return self();
    }

    /**
     * @param lifetime how long from now the token is valid; negative for a token that has expired
     * @return this builder
     */
    public S expiresIn(Duration lifetime) {
        this.expiresIn = Objects.requireNonNull(lifetime, "lifetime");
        return self();
    }

    /**
     * A DPoP-bound token (RFC 9449): bound to a new key ({@code cnf.jkt}) and sent with the
     * {@code DPoP} scheme and a proof by that key for the request's method and URL.
     *
     * @return this builder
     */
    public S dpop() {
        return dpop(DpopKey.generate());
    }

    /**
     * @param key the key the token is bound to and whose proofs it comes with
     * @return this builder, for a DPoP-bound token
     */
    public S dpop(DpopKey key) {
        this.dpopKey = Objects.requireNonNull(key, "key");
        return self();
    }

    /**
     * @return the token as built so far
     */
    protected TokenRequest tokenRequest() {
        Map<String, Object> all = new LinkedHashMap<>();
        if (dpopKey != null) {
            all.put("cnf", Map.of("jkt", dpopKey.thumbprint()));
        }
        all.putAll(claims);
        return new TokenRequest(identity(), Collections.unmodifiableMap(all), issuerName, expiresIn);
    }

    /**
     * @param token the signed token
     * @param method the request's method
     * @param url the request's URL
     * @return the headers that carry the token: {@code Authorization}, and {@code DPoP} for a DPoP-bound one
     */
    protected Map<String, String> headers(String token, String method, URI url) {
        if (dpopKey == null) {
            return Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return Map.of(HttpHeaders.AUTHORIZATION, "DPoP " + token, "DPoP", dpopKey.proof(method, url, token));
    }

    /**
     * What to sign.
     *
     * @param user the caller
     * @param claims further claims, written last
     * @param issuerName the issuer's name under {@code policy-auth.jwt.issuers}, or {@code null}
     * @param expiresIn the lifetime from now
     */
    protected record TokenRequest(PolicyUser user, Map<String, Object> claims, @Nullable String issuerName,
            Duration expiresIn) {
    }
}
