package io.policyauth.autoconfigure.tenant;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.server.WebFilter;

import io.policyauth.admin.TenantAdminEndpoints;
import io.policyauth.autoconfigure.PolicyAuthProperties;
import io.policyauth.autoconfigure.web.reactive.PolicyAuthWebFluxAutoConfiguration;
import io.policyauth.autoconfigure.web.servlet.DirectEndpointsFilterRegistration;
import io.policyauth.autoconfigure.web.servlet.PolicyAuthWebMvcAutoConfiguration;
import io.policyauth.core.AuthService;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.core.Requirements;
import io.policyauth.tenant.TenantRoleStore;
import io.policyauth.tenant.TenantRoles;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.PolicySource;
import io.policyauth.web.reactive.DecisionScheduler;
import io.policyauth.web.reactive.ReactiveDirectEndpointsFilter;
import io.policyauth.web.servlet.ServletDirectEndpointsFilter;
import io.policyauth.web.servlet.ServletResponseWriter;

/**
 * The tenant admin API ({@code policy-auth.tenancy.admin-api.enabled}), answered before any
 * handler on either stack, under {@code admin-api.policy}, tenant isolation and {@code tenant:admin}.
 */
@AutoConfiguration(after = {TenancyAutoConfiguration.class, PolicyAuthWebMvcAutoConfiguration.class,
    PolicyAuthWebFluxAutoConfiguration.class})
@ConditionalOnBooleanProperty(TenancyProperties.PREFIX + ".admin-api.enabled")
@ConditionalOnBean({TenantRoles.class, EffectivePolicies.class})
public class TenantAdminApiAutoConfiguration {

    private static final String PROPERTY = TenancyProperties.PREFIX + ".admin-api";

    @Bean
    @ConditionalOnMissingBean
    TenantAdminEndpoints policyAuthTenantAdminEndpoints(TenancyProperties tenancy, EffectivePolicies policies,
            AuthService authService, TenantRoles roles, TenantRoleStore store) {
        String path = tenancy.getAdminApi().getPath();
        if (path == null || !path.startsWith("/") || path.endsWith("/")) {
            throw new PolicyAuthConfigurationException(PROPERTY + ".path '" + path + "' must start with '/' and "
                    + "not end with it", "Set it to a path such as /tenant-admin.");
        }
        String policy = tenancy.getAdminApi().getPolicy();
        if (authService.registry().find(policy).isEmpty()) {
            throw new PolicyAuthConfigurationException(PROPERTY + ".policy: " + authService.registry()
                    .unknown(policy).getMessage(), "Name a registered policy, such as private.");
        }
        return new TenantAdminEndpoints(path, policies.forNames(List.of(policy), Requirements.of(List.of(),
                List.of(), List.of(TenantRoles.ADMIN_PERMISSION)), "{tenantId}", PolicySource.TENANT_ADMIN_API),
                authService, roles, store.mayBlock());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(FilterRegistrationBean.class)
    static class ServletAdminApi {

        @Bean
        FilterRegistrationBean<ServletDirectEndpointsFilter> policyAuthTenantAdminFilter(TenancyProperties tenancy,
                TenantAdminEndpoints endpoints, ObjectProvider<ServletResponseWriter> writer) {
            return DirectEndpointsFilterRegistration.of("policyAuthTenantAdminFilter", endpoints, writer,
                    Ordered.HIGHEST_PRECEDENCE + 1, tenancy.getAdminApi().getPath() + "/*");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(WebFilter.class)
    static class ReactiveAdminApi {

        @Bean
        ReactiveDirectEndpointsFilter policyAuthReactiveTenantAdminFilter(TenantAdminEndpoints endpoints,
                DecisionScheduler scheduler, PolicyAuthProperties properties) {
            return new ReactiveDirectEndpointsFilter(endpoints, scheduler.scheduler(),
                    properties.getBodyReadTimeout());
        }
    }
}
