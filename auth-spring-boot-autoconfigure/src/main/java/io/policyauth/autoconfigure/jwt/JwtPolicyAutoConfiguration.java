package io.policyauth.autoconfigure.jwt;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.ClientCertificateSource;
import io.policyauth.core.CredentialDescription;
import io.policyauth.jwt.CertificateBinding;
import io.policyauth.jwt.JwtAuthProvider;
import io.policyauth.jwt.JwtClaimValidator;
import io.policyauth.jwt.JwtUserMapper;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.TokenDenylist;
import io.policyauth.jwt.TokenIssuer;
import io.policyauth.jwt.dpop.DpopBinding;
import io.policyauth.jwt.dpop.DpopProofVerifier;

/**
 * The {@code private} policy: a {@link JwtAuthProvider} when a key source is configured
 * ({@code policy-auth.jwt.secret}, {@code public-key-location}, {@code jwk-set-uri},
 * {@code issuer-uri}, {@code private-key-location} whose public half can be derived, or an entry
 * of {@code policy-auth.jwt.issuers}), the {@link PrivateExecutor} over it, and a
 * {@link TokenIssuer} when a signing key is configured ({@code secret} or
 * {@code private-key-location}). Each backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnClass(SignedJWT.class)
@ConditionalOnPolicyAuthEnabled
@EnableConfigurationProperties({JwtProperties.class, TokenIssuerProperties.class})
@Import(JwtIssuerPolicyRegistrar.class)
public class JwtPolicyAutoConfiguration {

    /**
     * Verifies the bearer tokens of the {@code private} policy: those of every configured issuer.
     *
     * @param issuers the configured issuers
     * @return the provider
     */
    @Bean
    @ConditionalOnMissingBean(JwtAuthProvider.class)
    @Conditional(JwtKeySourceCondition.Verification.class)
    public JwtAuthProvider jwtAuthProvider(JwtIssuers issuers) {
        return issuers.privatePolicyProvider();
    }

    /**
     * Every configured issuer with its provider; closed with the context.
     *
     * @param properties the configuration
     * @param denylist the application's {@link TokenDenylist} bean, if any; consulted on every request
     * @param clock the application's clock, if any
     * @param tasks runs JWK Set refreshes
     * @param validators the application's further claim checks
     * @param userMapper the application's mapping of claims to the caller, if any
     * @param keyOverride replaces the issuers' public keys, in tests only
     * @return the issuers
     */
    @Bean
    @Conditional(JwtKeySourceCondition.Verification.class)
    JwtIssuers policyAuthJwtIssuers(JwtProperties properties, ObjectProvider<TokenDenylist> denylist,
            ObjectProvider<Clock> clock, BackgroundTasks tasks, ObjectProvider<JwtClaimValidator> validators,
            ObjectProvider<JwtUserMapper> userMapper, ObjectProvider<JwtVerificationKeyOverride> keyOverride) {
        return new JwtIssuers(properties, denylist.getIfAvailable(TokenDenylist::none), tasks,
                ApplicationClock.of(clock), validators.orderedStream().toList(),
                userMapper.getIfAvailable(() -> JwtUserMapper.DEFAULT), keyOverride.getIfUnique());
    }

    /**
     * The {@code private} policy.
     *
     * @param provider verifies the tokens
     * @param issuers the configured issuers, if the provider is policy-auth's, for the policy's description
     * @param jwt the settings, for tokens bound to a client certificate
     * @param certificates where client certificates come from, when not only from TLS
     * @param dpop checks DPoP proofs, when an issuer takes them
     * @return the executor
     */
    @Bean
    @ConditionalOnBean(JwtAuthProvider.class)
    @ConditionalOnMissingBean(PrivateExecutor.class)
    public PrivateExecutor privateExecutor(JwtAuthProvider provider, ObjectProvider<JwtIssuers> issuers,
            JwtProperties jwt, ObjectProvider<ClientCertificateSource> certificates,
            ObjectProvider<DpopProofVerifier> dpop) {
        JwtIssuers configured = issuers.getIfAvailable();
        return new PrivateExecutor(PrivateExecutor.POLICY, provider, configured == null
                || configured.privatePolicyIssuers().isEmpty() ? List.of(new CredentialDescription.Issuer(
                        PrivateExecutor.POLICY, null)) : configured.privatePolicyIssuers(),
                certificateBinding(jwt, certificates),
                configured == null ? DpopBinding.DISABLED : configured.privatePolicyDpop(dpop.getIfAvailable()));
    }

    static CertificateBinding certificateBinding(JwtProperties jwt, ObjectProvider<ClientCertificateSource> sources) {
        return new CertificateBinding(jwt.getMtls().getBinding(),
                sources.getIfAvailable(() -> ClientCertificateSource.TLS));
    }

    /**
     * Signs tokens that the {@code private} policy of this configuration accepts.
     *
     * @param properties the configuration
     * @param issuing the lifetime of issued tokens
     * @param clock the application's clock, if any
     * @return the issuer
     */
    @Bean
    @ConditionalOnMissingBean(TokenIssuer.class)
    @Conditional(JwtKeySourceCondition.Signing.class)
    public TokenIssuer jwtTokenIssuer(JwtProperties properties, TokenIssuerProperties issuing,
            ObjectProvider<Clock> clock) {
        return JwtTokenIssuerFactory.create(JwtIssuerSettings.topLevel(properties, ApplicationClock.of(clock)),
                issuing.getExpiration());
    }
}
