package io.policyauth.autoconfigure.web.reactive;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.handler.AbstractUrlHandlerMapping;
import org.springframework.web.reactive.result.method.AbstractHandlerMethodMapping;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.WebFilter;

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
import io.policyauth.web.PolicyMap;
import io.policyauth.web.PolicyMappingVerifier;
import io.policyauth.web.reactive.DecisionScheduler;
import io.policyauth.web.reactive.FunctionalRoutePolicies;
import io.policyauth.web.reactive.PolicyWebFilter;
import io.policyauth.web.reactive.ReactiveAuthenticatedUserArgumentResolver;
import io.policyauth.web.reactive.ReactivePolicyRunner;
import io.policyauth.web.reactive.ResolvedHandlerMapping;
import io.policyauth.web.reactive.WebFluxMappedHandlers;

/**
 * The WebFlux front: the same policies, routes, default policy and problem responses as in Spring
 * MVC, enforced by a {@link PolicyWebFilter} over every handler mapping.
 */
@AutoConfiguration(after = PolicyAuthAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({WebFilter.class, WebFluxConfigurer.class})
@ConditionalOnBean(AuthService.class)
public class PolicyAuthWebFluxAutoConfiguration {

    /* WebFlux has no error dispatch: nothing is exempt. */
    @Bean
    @ConditionalOnMissingBean
    EffectivePolicies handlerPolicies(AuthService authService, PolicyAuthProperties properties, PolicyModes modes,
            ObjectProvider<TenantIsolation> isolation, ObjectProvider<ResourceGuard> resources,
            ObjectProvider<RateLimitGuard> rateLimits) {
        return new EffectivePolicies(authService, properties.getDefaultPolicy(), ConfiguredPolicies.routes(properties),
                modes, (handlerType, path) -> false, isolation.getIfAvailable(), resources.getIfAvailable(),
                rateLimits.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    PolicyMap policyMap(ObjectProvider<AbstractHandlerMethodMapping<?>> mappings,
            ObjectProvider<AbstractUrlHandlerMapping> urlMappings, ObjectProvider<RouterFunctionMapping> routerMappings,
            ObjectProvider<DirectEndpoints> direct, EffectivePolicies policies) {
        return new PolicyMap(new WebFluxMappedHandlers(() -> mappings.orderedStream().toList(),
                () -> urlMappings.orderedStream().toList(), () -> routerMappings.orderedStream().toList()), policies,
                () -> direct.orderedStream().flatMap(endpoints -> endpoints.mappedPolicies().stream()).toList());
    }

    @Bean
    @ConditionalOnMissingBean
    DecisionScheduler policyAuthDecisionScheduler() {
        return new DecisionScheduler();
    }

    @Bean
    @ConditionalOnMissingBean
    ReactivePolicyRunner policyAuthReactivePolicyRunner(AuthService authService, DecisionScheduler scheduler) {
        return new ReactivePolicyRunner(authService, scheduler.scheduler());
    }

    @Bean
    @ConditionalOnMissingBean
    FunctionalRoutePolicies policyAuthFunctionalRoutePolicies(EffectivePolicies policies,
            ReactivePolicyRunner runner) {
        return new FunctionalRoutePolicies(policies, runner);
    }

    @Bean
    @ConditionalOnMissingBean
    PolicyWebFilter policyAuthWebFilter(ObjectProvider<HandlerMapping> mappings, EffectivePolicies policies,
            ReactivePolicyRunner runner) {
        return new PolicyWebFilter(SingletonSupplier.of(() -> mappings.orderedStream()
                .filter(mapping -> !(mapping instanceof ResolvedHandlerMapping)).toList()), policies, runner);
    }

    @Bean
    ResolvedHandlerMapping policyAuthResolvedHandlerMapping(PolicyWebFilter policyAuthWebFilter) {
        return new ResolvedHandlerMapping(policyAuthWebFilter);
    }

    @Bean
    WebFluxConfigurer policyAuthWebFluxConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new ReactiveAuthenticatedUserArgumentResolver());
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
