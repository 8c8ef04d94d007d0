package io.policyauth.autoconfigure.apikey;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.server.WebFilter;

import io.policyauth.admin.SecretScanningEndpoints;
import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.PolicyAuthProperties;
import io.policyauth.autoconfigure.web.reactive.PolicyAuthWebFluxAutoConfiguration;
import io.policyauth.autoconfigure.web.servlet.DirectEndpointsFilterRegistration;
import io.policyauth.autoconfigure.web.servlet.PolicyAuthWebMvcAutoConfiguration;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.web.reactive.DecisionScheduler;
import io.policyauth.web.reactive.ReactiveDirectEndpointsFilter;
import io.policyauth.web.servlet.ServletDirectEndpointsFilter;
import io.policyauth.web.servlet.ServletResponseWriter;

/**
 * The secret scanning endpoint ({@code policy-auth.api-key.secret-scanning.enabled}): reports of
 * leaked {@code db_api_key} keys, signed by the scanner, revoke them. Each revoked key is published
 * as a {@link SecretScanningEndpoints.LeakedApiKey} application event.
 */
@AutoConfiguration(after = {DbApiKeyPolicyAutoConfiguration.class, PolicyAuthWebMvcAutoConfiguration.class,
    PolicyAuthWebFluxAutoConfiguration.class})
@ConditionalOnBooleanProperty(SecretScanningAutoConfiguration.PREFIX + ".enabled")
@ConditionalOnBean(ApiKeyManager.class)
public class SecretScanningAutoConfiguration {

    static final String PREFIX = "policy-auth.api-key.secret-scanning";

    @Bean
    @ConditionalOnMissingBean
    SecretScanningEndpoints policyAuthSecretScanningEndpoints(ApiKeyProperties properties, ApiKeyManager keys,
            ObjectProvider<Clock> clock, ApplicationEventPublisher events) {
        ApiKeyProperties.SecretScanning scanning = properties.getSecretScanning();
        String path = scanning.getPath();
        if (path == null || !path.startsWith("/") || path.endsWith("/")) {
            throw new PolicyAuthConfigurationException(PREFIX + ".path '" + path + "' must start with '/' and not "
                    + "end with it", "Set it to a path such as /secret-scanning/github.");
        }
        return new SecretScanningEndpoints(path, keys, scanning.getPublicKeysUri(), ApplicationClock.of(clock),
                events::publishEvent);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(FilterRegistrationBean.class)
    static class ServletSecretScanning {

        @Bean
        FilterRegistrationBean<ServletDirectEndpointsFilter> policyAuthSecretScanningFilter(
                ApiKeyProperties properties, SecretScanningEndpoints endpoints,
                ObjectProvider<ServletResponseWriter> writer) {
            return DirectEndpointsFilterRegistration.of("policyAuthSecretScanningFilter", endpoints, writer,
                    Ordered.HIGHEST_PRECEDENCE + 1, properties.getSecretScanning().getPath());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(WebFilter.class)
    static class ReactiveSecretScanning {

        @Bean
        ReactiveDirectEndpointsFilter policyAuthReactiveSecretScanningFilter(SecretScanningEndpoints endpoints,
                DecisionScheduler scheduler, PolicyAuthProperties properties) {
            return new ReactiveDirectEndpointsFilter(endpoints, scheduler.scheduler(),
                    properties.getBodyReadTimeout());
        }
    }
}
