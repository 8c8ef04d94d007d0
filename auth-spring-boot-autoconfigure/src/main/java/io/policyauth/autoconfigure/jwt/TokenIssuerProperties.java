package io.policyauth.autoconfigure.jwt;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.policyauth.jwt.TokenSettings;

/**
 * What the {@code TokenIssuer} adds under {@code policy-auth.jwt}, beside the verification
 * settings of {@link JwtProperties}: issuing only, never read when verifying. (It signs with the
 * top-level issuer's {@code secret} or with {@code private-key-location}.)
 */
@ConfigurationProperties("policy-auth.jwt")
public class TokenIssuerProperties {

    /** Lifetime of tokens created by the TokenIssuer. */
    private Duration expiration = TokenSettings.DEFAULT_LIFETIME;

    public Duration getExpiration() {
        return expiration;
    }

    public void setExpiration(Duration expiration) {
        this.expiration = expiration;
    }
}
