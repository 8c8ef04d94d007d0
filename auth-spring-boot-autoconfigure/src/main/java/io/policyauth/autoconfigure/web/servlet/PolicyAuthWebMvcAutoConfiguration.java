package io.policyauth.autoconfigure.web.servlet;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.handler.MappedInterceptor;

import io.policyauth.autoconfigure.ConfiguredPolicies;
import io.policyauth.autoconfigure.PolicyAuthAutoConfiguration;
import io.policyauth.autoconfigure.PolicyAuthProperties;
import io.policyauth.autoconfigure.StartupReport;
import io.policyauth.core.AuthService;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.RateLimitGuard;
import io.policyauth.core.ResourceGuard;
import io.policyauth.core.TenantIsolation;
import io.policyauth.web.DirectEndpoints;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.ExemptEndpoints;
import io.policyauth.web.PolicyMap;
import io.policyauth.web.PolicyMappingVerifier;
import io.policyauth.web.servlet.AuthenticatedUserArgumentResolver;
import io.policyauth.web.servlet.MvcMappedHandlers;
import io.policyauth.web.servlet.PolicyInterceptor;
import io.policyauth.web.servlet.ServletResponseWriter;

/**
 * The Spring MVC front: enforces {@code @RequiresPolicy} on every handler mapping (controllers,
 * static resources, Actuator), injects {@code AuthenticatedUser} parameters and verifies every
 * handler's policy at start.
 */
@AutoConfiguration(after = PolicyAuthAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HandlerInterceptor.class, ErrorController.class})
@ConditionalOnBean(AuthService.class)
public class PolicyAuthWebMvcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EffectivePolicies handlerPolicies(AuthService authService, PolicyAuthProperties properties, PolicyModes modes,
            Environment environment, ObjectProvider<TenantIsolation> isolation,
            ObjectProvider<ResourceGuard> resources, ObjectProvider<RateLimitGuard> rateLimits) {
        return new EffectivePolicies(authService, properties.getDefaultPolicy(), ConfiguredPolicies.routes(properties),
                modes, errorPath(environment), isolation.getIfAvailable(), resources.getIfAvailable(),
                rateLimits.getIfAvailable());
    }

    /**
     * Only the error controller's own error path is exempt, so that errors can always be shown;
     * its other methods, and handlers that error pages point at, are decided as requests are.
     *
     * @param environment where {@code server.error.path} is read, as Boot's error controller reads it
     * @return the exempt endpoints
     */
    public static ExemptEndpoints errorPath(Environment environment) {
        String errorPath = environment.resolvePlaceholders("${server.error.path:${error.path:/error}}");
        return (handlerType, path) -> errorPath.equals(path) && ErrorController.class.isAssignableFrom(handlerType);
    }

    @Bean
    @ConditionalOnMissingBean
    PolicyMap policyMap(ObjectProvider<AbstractHandlerMethodMapping<?>> mappings,
            ObjectProvider<AbstractUrlHandlerMapping> urlMappings, ObjectProvider<DirectEndpoints> direct,
            EffectivePolicies policies) {
        return new PolicyMap(new MvcMappedHandlers(() -> mappings.orderedStream().toList(),
                () -> urlMappings.orderedStream().toList()), policies,
                () -> direct.orderedStream().flatMap(endpoints -> endpoints.mappedPolicies().stream()).toList());
    }

    @Bean
    @ConditionalOnMissingBean
    ServletResponseWriter policyAuthResponseWriter() {
        return new ServletResponseWriter();
    }

    @Bean
    @ConditionalOnMissingBean
    PolicyInterceptor policyInterceptor(EffectivePolicies policies, AuthService authService,
            ServletResponseWriter writer) {
        return new PolicyInterceptor(policies, authService, writer);
    }

    /*
     * A MappedInterceptor bean is picked up by every handler mapping, not only the ones that
     * WebMvcConfigurer reaches, so no mapping (Actuator's, static resources) slips past the check.
     */
    @Bean
    MappedInterceptor policyAuthMappedInterceptor(PolicyInterceptor interceptor) {
        return new MappedInterceptor(null, interceptor);
    }

    @Bean
    WebMvcConfigurer policyAuthWebMvcConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AuthenticatedUserArgumentResolver());
            }
        };
    }

    @Bean
    PolicyMappingVerifier policyMappingVerifier(PolicyMap policyMap) {
        return new PolicyMappingVerifier(policyMap);
    }

    @Bean
    StartupReport policyAuthStartupReport(AuthService authService, PolicyMap policyMap, Environment environment) {
        return StartupReport.of(authService, policyMap, environment);
    }
}
