package io.policyauth.benchmarks.load;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import io.policyauth.benchmarks.JwtFixture;

/**
 * The peer: Spring Security's OAuth2 resource server on {@code /ss/hs256}, {@code /ss/rs256} and
 * {@code /ss/es256}, one filter chain and one {@link NimbusJwtDecoder} per path, with the same keys
 * and the same checks as policy-auth (signature, exp / nbf with 60 s skew, issuer, audience).
 * Spring Security's filter is mapped to {@code /ss/*} only: the policy-auth endpoints and the
 * baseline do not pass through it, as in an application without Spring Security. (Behind it,
 * every header a policy reads is first checked by Spring Security's {@code StrictHttpFirewall}, a
 * few microseconds for a long bearer token.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SpringSecurityPeerConfiguration {

    @Bean
    static BeanPostProcessor springSecurityOnPeerPathsOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DelegatingFilterProxyRegistrationBean registration) {
                    registration.setUrlPatterns(List.of("/ss/*"));
                }
                return bean;
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain hs256Chain(HttpSecurity http, JwtFixture keys) throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(JwtFixture.SECRET, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        return resourceServer(http, "/ss/hs256", decoder);
    }

    @Bean
    @Order(2)
    SecurityFilterChain rs256Chain(HttpSecurity http, JwtFixture keys) throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.rsa().getPublic())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        return resourceServer(http, "/ss/rs256", decoder);
    }

    @Bean
    @Order(3)
    SecurityFilterChain es256Chain(HttpSecurity http, JwtFixture keys) throws Exception {
        ECKey jwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) keys.ec().getPublic()).build();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(jwk)))
                .jwsAlgorithm(SignatureAlgorithm.ES256).build();
        return resourceServer(http, "/ss/es256", decoder);
    }

    private static SecurityFilterChain resourceServer(HttpSecurity http, String path, NimbusJwtDecoder decoder)
            throws Exception {
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                JwtValidators.createDefaultWithIssuer(JwtFixture.ISSUER), new JwtAudienceValidator(JwtFixture.AUDIENCE)));
        JwtDecoder jwtDecoder = decoder;
        return http.securityMatcher(path)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(jwtDecoder)))
                .build();
    }
}
