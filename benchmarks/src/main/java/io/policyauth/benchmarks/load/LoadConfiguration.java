package io.policyauth.benchmarks.load;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.policyauth.autoconfigure.PolicyAuthProperties;
import io.policyauth.autoconfigure.jwt.JwtProperties;
import io.policyauth.autoconfigure.web.servlet.PolicyAuthWebMvcAutoConfiguration;
import io.policyauth.benchmarks.DpopFixture;
import io.policyauth.benchmarks.JwtFixture;
import io.policyauth.benchmarks.RenamedPolicy;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthService;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.RateLimitGuard;
import io.policyauth.core.RequestUrlSource;
import io.policyauth.core.ResourceGuard;
import io.policyauth.core.TenantIsolation;
import io.policyauth.jwt.CertificateBinding;
import io.policyauth.jwt.IntrospectingAuthProvider;
import io.policyauth.jwt.IntrospectionSettings;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.TokenDenylist;
import io.policyauth.jwt.TokenIntrospector;
import io.policyauth.jwt.VerifiedTokenCacheSettings;
import io.policyauth.jwt.dpop.DpopBinding;
import io.policyauth.jwt.dpop.DpopMode;
import io.policyauth.jwt.dpop.DpopProofRules;
import io.policyauth.jwt.dpop.DpopProofVerifier;
import io.policyauth.jwt.dpop.InMemoryDpopReplayCache;
import io.policyauth.web.EffectivePolicies;

/**
 * The keys, the RS256 and ES256 policies beside the auto-configured HS256 {@code private}, and the
 * per-handler policies with the baseline and the peers exempt.
 */
@Configuration(proxyBeanMethods = false)
class LoadConfiguration {

    @Bean
    JwtFixture jwtFixture() {
        return new JwtFixture();
    }

    @Bean
    AuthExecutor privateRs256(JwtFixture keys, JwtProperties properties) {
        return new RenamedPolicy("private_rs256", new PrivateExecutor(keys.rs256Provider(cacheSettings(properties))));
    }

    @Bean
    AuthExecutor privateEs256(JwtFixture keys, JwtProperties properties) {
        return new RenamedPolicy("private_es256", new PrivateExecutor(keys.es256Provider(cacheSettings(properties))));
    }

    @Bean
    DpopFixture dpopFixture() {
        return new DpopFixture();
    }

    /*
     * HS256 tokens bound to a DPoP key. The run script signs its proofs before it measures, so they
     * may be minutes old when sent: the proof's age is the one thing not checked as configured.
     */
    @Bean
    AuthExecutor privateDpop(JwtFixture keys, JwtProperties properties) {
        DpopProofVerifier proofs = new DpopProofVerifier(new DpopProofRules(DpopProofRules.algorithms(
                DpopProofRules.DEFAULT_ALGORITHMS), Duration.ofHours(1), properties.getClockSkew(),
                RequestUrlSource.AS_RECEIVED, null, Clock.systemUTC()), new InMemoryDpopReplayCache(Clock.systemUTC()));
        return new PrivateExecutor("private_dpop", keys.hs256Provider(cacheSettings(properties)),
                List.of(new CredentialDescription.Issuer("private_dpop", null)), CertificateBinding.IF_PRESENT,
                DpopBinding.of(DpopMode.REQUIRED, proofs));
    }

    /* Opaque tokens, introspected at this application's own /setup/introspect; answers cached for an hour. */
    @Bean
    AuthExecutor privateOpaque(Environment environment) {
        URI endpoint = URI.create("http://127.0.0.1:" + environment.getProperty("server.port") + "/setup/introspect");
        return new PrivateExecutor("private_opaque", new IntrospectingAuthProvider(new TokenIntrospector(
                new IntrospectionSettings(endpoint, "load-api", "load-secret", Duration.ofHours(1),
                        Duration.ofSeconds(1), Duration.ofSeconds(2)), Clock.systemUTC()), JwtFixture.rules(),
                Duration.ofHours(1), TokenDenylist.none(), null));
    }

    /*
     * Replaces the auto-configured bean only to add exempt handler types; the error controller
     * stays exempt as it is by default.
     */
    @Bean
    EffectivePolicies handlerPolicies(AuthService authService, PolicyAuthProperties properties, PolicyModes modes,
            Environment environment, ObjectProvider<TenantIsolation> isolation,
            ObjectProvider<ResourceGuard> resources, ObjectProvider<RateLimitGuard> rateLimits) {
        return new EffectivePolicies(authService, properties.getDefaultPolicy(), List.of(), modes,
                PolicyAuthWebMvcAutoConfiguration.errorPath(environment)
                        .or((type, path) -> ExemptFromPolicyAuth.class.isAssignableFrom(type)),
                isolation.getIfAvailable(), resources.getIfAvailable(), rateLimits.getIfAvailable());
    }

    private static VerifiedTokenCacheSettings cacheSettings(JwtProperties jwt) {
        return new VerifiedTokenCacheSettings(jwt.getVerifiedTokenCacheSize(), jwt.getVerifiedTokenCacheTtl());
    }
}
