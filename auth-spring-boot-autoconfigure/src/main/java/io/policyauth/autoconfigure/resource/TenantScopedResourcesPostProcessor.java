package io.policyauth.autoconfigure.resource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

import io.policyauth.core.TenantIsolation;
import io.policyauth.resource.ResourceAuthorizer;
import io.policyauth.resource.TenantScopedResourceAuthorizer;

/**
 * Under tenancy, keeps every {@link ResourceAuthorizer} bean inside the caller's tenant, the
 * application's own engines included: isolation must not depend on which engine answers.
 */
final class TenantScopedResourcesPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<TenantIsolation> isolation;

    TenantScopedResourcesPostProcessor(ObjectProvider<TenantIsolation> isolation) {
        this.isolation = isolation;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof ResourceAuthorizer engine) || bean instanceof TenantScopedResourceAuthorizer) {
            return bean;
        }
        TenantIsolation tenancy = isolation.getIfAvailable();
        return tenancy == null ? bean : new TenantScopedResourceAuthorizer(engine, tenancy.crossTenantRoles());
    }
}
