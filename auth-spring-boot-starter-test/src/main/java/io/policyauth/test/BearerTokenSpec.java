package io.policyauth.test;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
     * @return the token as built so far
     */
    protected TokenRequest tokenRequest() {
        return new TokenRequest(identity(), Collections.unmodifiableMap(new LinkedHashMap<>(claims)), issuerName,
                expiresIn);
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
