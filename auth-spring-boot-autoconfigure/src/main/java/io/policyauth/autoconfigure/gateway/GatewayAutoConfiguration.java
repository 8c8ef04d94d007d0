package io.policyauth.autoconfigure.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.json.JsonMapper;

import io.policyauth.apikey.SharedApiKeyExecutor;
import io.policyauth.autoconfigure.ConfiguredCidrs;
import io.policyauth.autoconfigure.ConfiguredPolicies;
import io.policyauth.autoconfigure.PolicyAuthAutoConfiguration;
import io.policyauth.autoconfigure.PolicyAuthProperties;
import io.policyauth.autoconfigure.SocketPeerAddresses;
import io.policyauth.autoconfigure.apikey.ApiKeyProperties;
import io.policyauth.autoconfigure.web.servlet.DirectEndpointsFilterRegistration;
import io.policyauth.core.AuthService;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.ResourceGuard;
import io.policyauth.core.TenantIsolation;
import io.policyauth.gateway.GatewayEndpoints;
import io.policyauth.gateway.GatewayPolicies;
import io.policyauth.gateway.GatewaySettings;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.reactive.DecisionScheduler;
import io.policyauth.web.reactive.ReactiveDirectEndpointsFilter;
import io.policyauth.web.servlet.ServletDirectEndpointsFilter;
import io.policyauth.web.servlet.ServletResponseWriter;

/**
 * Gateway mode, with {@code policy-auth.gateway.enabled=true}: the authorization endpoints for
 * nginx, Envoy and KX under {@code policy-auth.gateway.path}, deciding with
 * {@code policy-auth.gateway.routes} and {@code default-policy}, on either web stack.
 */
@AutoConfiguration(after = PolicyAuthAutoConfiguration.class)
@ConditionalOnBooleanProperty("policy-auth.gateway.enabled")
@ConditionalOnWebApplication
@ConditionalOnClass(JsonMapper.class)
@ConditionalOnBean(AuthService.class)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayAutoConfiguration {

    private static final String PREFIX = "policy-auth.gateway";

    @Bean
    @ConditionalOnMissingBean
    GatewayPolicies policyAuthGatewayPolicies(AuthService authService, PolicyModes modes,
            GatewayProperties gateway, ObjectProvider<TenantIsolation> isolation,
            ObjectProvider<ResourceGuard> resources) {
        EffectivePolicies policies = new EffectivePolicies(authService, gateway.getDefaultPolicy(),
                ConfiguredPolicies.routes(PREFIX + ".routes", gateway.getRoutes(),
                        !gateway.isCaseInsensitivePaths()), modes, (type, path) -> false, isolation.getIfAvailable(),
                resources.getIfAvailable());
        return new GatewayPolicies(authService, policies);
    }

    @Bean
    SmartInitializingSingleton policyAuthGatewayActivation(GatewayPolicies policies) {
        return policies::activate;
    }

    @Bean
    @ConditionalOnMissingBean
    GatewayEndpoints policyAuthGatewayEndpoints(GatewayProperties gateway, GatewayPolicies policies,
            ObjectProvider<ApiKeyProperties> apiKey, ObjectProvider<MeterRegistry> meters, Environment environment) {
        SocketPeerAddresses.require(environment, "The gateway (" + PREFIX + ".allowed-callers)");
        return new GatewayEndpoints(settings(gateway), policies, apiKey.stream().findFirst()
                .map(ApiKeyProperties::getHeaderName).orElse(SharedApiKeyExecutor.DEFAULT_HEADER_NAME),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /*
     * First of all filters: the endpoints answer on their own, and nothing meant for the
     * application's handlers (body copies, Spring Security) has a say in them.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(FilterRegistrationBean.class)
    static class ServletGateway {

        @Bean
        FilterRegistrationBean<ServletDirectEndpointsFilter> policyAuthGatewayFilter(GatewayProperties gateway,
                GatewayEndpoints endpoints, ObjectProvider<ServletResponseWriter> writer) {
            return DirectEndpointsFilterRegistration.of("policyAuthGatewayFilter", endpoints, writer,
                    Ordered.HIGHEST_PRECEDENCE, gateway.getPath() + "/*");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(WebFilter.class)
    static class ReactiveGateway {

        @Bean
        ReactiveDirectEndpointsFilter policyAuthReactiveGatewayFilter(GatewayEndpoints endpoints,
                DecisionScheduler scheduler, PolicyAuthProperties properties) {
            return new ReactiveDirectEndpointsFilter(endpoints, scheduler.scheduler(), properties.getBodyReadTimeout());
        }
    }

    private static GatewaySettings settings(GatewayProperties gateway) {
        String path = gateway.getPath();
        if (path == null || !path.startsWith("/") || path.endsWith("/")) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + ".path", path,
                    "it must start with '/' and not end with it, for example /authz");
        }
        try {
            return new GatewaySettings(gateway.getPath(), ConfiguredCidrs.parse(PREFIX + ".allowed-callers",
                    gateway.getAllowedCallers()), gateway.getOriginalMethodHeader(), gateway.getOriginalUriHeader(),
                    gateway.isRejectAmbiguousPaths(), Math.toIntExact(gateway.getKx().getMaxRequestSize().toBytes()));
        }
        catch (IllegalArgumentException | ArithmeticException invalid) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + ".kx.max-request-size",
                    gateway.getKx().getMaxRequestSize(), invalid.getMessage());
        }
    }
}
