package io.policyauth.autoconfigure.metadata;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.server.WebFilter;

import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.PolicyAuthProperties;
import io.policyauth.autoconfigure.jwt.JwtIssuerProperties;
import io.policyauth.autoconfigure.jwt.JwtProperties;
import io.policyauth.autoconfigure.web.reactive.PolicyAuthWebFluxAutoConfiguration;
import io.policyauth.autoconfigure.web.servlet.DirectEndpointsFilterRegistration;
import io.policyauth.autoconfigure.web.servlet.PolicyAuthWebMvcAutoConfiguration;
import io.policyauth.core.ChallengeParameters;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.jwt.dpop.DpopMode;
import io.policyauth.jwt.dpop.DpopProofVerifier;
import io.policyauth.web.PolicyMap;
import io.policyauth.web.ProtectedResourceMetadataEndpoints;
import io.policyauth.web.reactive.DecisionScheduler;
import io.policyauth.web.reactive.ReactiveDirectEndpointsFilter;
import io.policyauth.web.servlet.ServletDirectEndpointsFilter;
import io.policyauth.web.servlet.ServletResponseWriter;

/**
 * With {@code policy-auth.resource-metadata.enabled}: the protected resource metadata (RFC 9728) at
 * {@code /.well-known/oauth-protected-resource} on either stack, and its URL as
 * {@code resource_metadata} in every 401's {@code Bearer} challenge.
 */
@AutoConfiguration(after = {PolicyAuthWebMvcAutoConfiguration.class, PolicyAuthWebFluxAutoConfiguration.class})
@ConditionalOnPolicyAuthEnabled
@ConditionalOnBooleanProperty(ResourceMetadataProperties.PREFIX + ".enabled")
@ConditionalOnWebApplication
@EnableConfigurationProperties(ResourceMetadataProperties.class)
public class ResourceMetadataAutoConfiguration {

    private static final String RESOURCE = ResourceMetadataProperties.PREFIX + ".resource";

    @Bean
    @ConditionalOnMissingBean
    ChallengeParameters policyAuthResourceMetadataChallenge(ResourceMetadataProperties metadata) {
        return new ChallengeParameters(Map.of("resource_metadata",
                ProtectedResourceMetadataEndpoints.metadataUrl(resource(metadata)).toString()));
    }

    @Bean
    @ConditionalOnMissingBean
    ProtectedResourceMetadataEndpoints policyAuthResourceMetadataEndpoints(ResourceMetadataProperties metadata,
            PolicyMap policyMap, ObjectProvider<JwtProperties> jwt, ObjectProvider<DpopProofVerifier> dpop) {
        List<URI> servers = metadata.getAuthorizationServers().isEmpty() ? issuers(jwt.getIfAvailable())
                : metadata.getAuthorizationServers();
        if (servers.isEmpty()) {
            throw new PolicyAuthConfigurationException(ResourceMetadataProperties.PREFIX + " names no authorization "
                    + "server, and no issuer is configured", "Set " + ResourceMetadataProperties.PREFIX
                    + ".authorization-servers, or policy-auth.jwt.issuer-uri (or issuer).");
        }
        // Every private policy checks certificate-bound tokens (RFC 8705).
        DpopProofVerifier proofs = dpop.getIfAvailable();
        return new ProtectedResourceMetadataEndpoints(resource(metadata), metadata.getResourceName(), servers,
                policyMap, jwt.getIfAvailable() != null, proofs == null ? List.of() : proofs.algorithms(),
                proofs != null && dpopRequired(jwt.getObject()));
    }

    /* Required of every issuer: the main one, when it has keys, and each of policy-auth.jwt.issuers. */
    private static boolean dpopRequired(JwtProperties jwt) {
        return (!jwt.hasKeySource() || jwt.getDpop().getMode() == DpopMode.REQUIRED) && jwt.getIssuers().values()
                .stream().allMatch(issuer -> issuer.getDpop().getMode() == DpopMode.REQUIRED);
    }

    private static URI resource(ResourceMetadataProperties metadata) {
        URI resource = metadata.getResource();
        if (resource == null || !resource.isAbsolute() || resource.getRawAuthority() == null
                || !("https".equals(resource.getScheme()) || "http".equals(resource.getScheme()))
                || resource.getRawFragment() != null || resource.getRawQuery() != null) {
            throw new PolicyAuthConfigurationException(RESOURCE + " must be the API's absolute http(s) URL, "
                    + "without query or fragment, as its clients call it; got " + resource,
                    "Set " + RESOURCE + ", such as https://api.example.com.");
        }
        return resource;
    }

    /* The iss of every configured issuer: the main one and each of policy-auth.jwt.issuers. */
    private static List<URI> issuers(@Nullable JwtProperties jwt) {
        if (jwt == null) {
            return List.of();
        }
        List<JwtIssuerProperties> all = new ArrayList<>();
        all.add(jwt);
        all.addAll(jwt.getIssuers().values());
        Set<URI> issuers = new LinkedHashSet<>();
        for (JwtIssuerProperties issuer : all) {
            String name = issuer.issuerName();
            if (name != null) {
                issuers.add(URI.create(name));
            }
        }
        return List.copyOf(issuers);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(FilterRegistrationBean.class)
    static class ServletMetadata {

        @Bean
        FilterRegistrationBean<ServletDirectEndpointsFilter> policyAuthResourceMetadataFilter(
                ProtectedResourceMetadataEndpoints endpoints, ObjectProvider<ServletResponseWriter> writer) {
            return DirectEndpointsFilterRegistration.of("policyAuthResourceMetadataFilter", endpoints, writer,
                    Ordered.HIGHEST_PRECEDENCE + 1, ProtectedResourceMetadataEndpoints.WELL_KNOWN,
                    ProtectedResourceMetadataEndpoints.WELL_KNOWN + "/*");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(WebFilter.class)
    static class ReactiveMetadata {

        @Bean
        ReactiveDirectEndpointsFilter policyAuthReactiveResourceMetadataFilter(
                ProtectedResourceMetadataEndpoints endpoints, DecisionScheduler scheduler,
                PolicyAuthProperties properties) {
            return new ReactiveDirectEndpointsFilter(endpoints, scheduler.scheduler(),
                    properties.getBodyReadTimeout());
        }
    }
}
