package io.policyauth.benchmarks.load;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.policyauth.autoconfigure.PolicyAuthProperties;
import io.policyauth.autoconfigure.jwt.JwtProperties;
import io.policyauth.autoconfigure.web.servlet.PolicyAuthWebMvcAutoConfiguration;
import io.policyauth.benchmarks.JwtFixture;
import io.policyauth.benchmarks.RenamedPolicy;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthService;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.ResourceGuard;
import io.policyauth.core.TenantIsolation;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.VerifiedTokenCacheSettings;
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

    /*
     * Replaces the auto-configured bean only to add exempt handler types; the error controller
     * stays exempt as it is by default.
     */
    @Bean
    EffectivePolicies handlerPolicies(AuthService authService, PolicyAuthProperties properties, PolicyModes modes,
            Environment environment, ObjectProvider<TenantIsolation> isolation,
            ObjectProvider<ResourceGuard> resources) {
        return new EffectivePolicies(authService, properties.getDefaultPolicy(), List.of(), modes,
                PolicyAuthWebMvcAutoConfiguration.errorPath(environment)
                        .or((type, path) -> ExemptFromPolicyAuth.class.isAssignableFrom(type)),
                isolation.getIfAvailable(), resources.getIfAvailable());
    }

    private static VerifiedTokenCacheSettings cacheSettings(JwtProperties jwt) {
        return new VerifiedTokenCacheSettings(jwt.getVerifiedTokenCacheSize(), jwt.getVerifiedTokenCacheTtl());
    }
}
