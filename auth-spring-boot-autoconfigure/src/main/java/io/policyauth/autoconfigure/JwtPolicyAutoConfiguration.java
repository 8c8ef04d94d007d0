package io.policyauth.autoconfigure;

import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import io.policyauth.jwt.JwtAuthProvider;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.TokenIssuer;

/**
 * The {@code private} policy: a {@link JwtAuthProvider} when a key source is configured
 * ({@code policy-auth.jwt.secret}, {@code public-key-location}, {@code jwk-set-uri}, or
 * {@code private-key-location} whose public half can be derived), the {@link PrivateExecutor}
 * over it, and a {@link TokenIssuer} when a signing key is configured. Each backs off when the
 * application defines its own.
 */
@AutoConfiguration
@ConditionalOnClass(SignedJWT.class)
@ConditionalOnBooleanProperty(name = "policy-auth.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PolicyAuthProperties.class)
public class JwtPolicyAutoConfiguration {

    /**
     * Verifies bearer tokens; closed with the context, which stops JWK Set refreshes.
     *
     * @param properties the configuration
     * @return the provider
     */
    @Bean
    @ConditionalOnMissingBean(JwtAuthProvider.class)
    @Conditional(JwtKeySourceCondition.Verification.class)
    public JwtAuthProvider jwtAuthProvider(PolicyAuthProperties properties) {
        return new JwtKeyResolver(properties.getJwt()).provider();
    }

    /**
     * The {@code private} policy.
     *
     * @param provider verifies the tokens
     * @return the executor
     */
    @Bean
    @ConditionalOnBean(JwtAuthProvider.class)
    @ConditionalOnMissingBean(PrivateExecutor.class)
    public PrivateExecutor privateExecutor(JwtAuthProvider provider) {
        return new PrivateExecutor(provider);
    }

    /**
     * Signs tokens that the {@code private} policy of this configuration accepts.
     *
     * @param properties the configuration
     * @return the issuer
     */
    @Bean
    @ConditionalOnMissingBean(TokenIssuer.class)
    @Conditional(JwtKeySourceCondition.Signing.class)
    public TokenIssuer jwtTokenIssuer(PolicyAuthProperties properties) {
        return new JwtKeyResolver(properties.getJwt()).issuer();
    }
}
