package io.policyauth.autoconfigure.resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.web.client.RestClient;

import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.core.TenantIsolation;
import io.policyauth.resource.ResourceAttributes;
import io.policyauth.resource.ResourceAuthorizer;
import io.policyauth.resource.ResourceChecks;
import io.policyauth.resource.cerbos.CerbosResourceAuthorizer;
import io.policyauth.resource.cerbos.CerbosSettings;
import io.policyauth.resource.mongo.MongoResourceFilters;

/**
 * The {@link ResourceAuthorizer} of {@code policy-auth.resources.engine}: Cerbos, over its HTTP API.
 * Nothing talks to the engine at start; an engine that cannot answer makes the request that needs
 * it a 503.
 */
@AutoConfiguration
@ConditionalOnPolicyAuthEnabled
@ConditionalOnClass(RestClient.class)
@ConditionalOnProperty(name = ResourcesProperties.PREFIX + ".engine", havingValue = "cerbos")
@EnableConfigurationProperties(ResourcesProperties.class)
public class ResourceAuthorizationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ResourceAuthorizer policyAuthResourceAuthorizer(ResourcesProperties resources) {
        ResourcesProperties.Cerbos cerbos = resources.getCerbos();
        try {
            return new CerbosResourceAuthorizer(new CerbosSettings(cerbos.getUrl(), cerbos.getConnectTimeout(),
                    cerbos.getReadTimeout(), cerbos.getMaxConcurrentRequests(), cerbos.isScopeFromTenant(),
                    resources.getImplicitRoles(), resources.getPrincipalAttributes()));
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException(ResourcesProperties.PREFIX + ".cerbos: "
                    + invalid.getMessage(), "Correct the property named above.", invalid);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    ResourceChecks policyAuthResourceChecks(ResourceAuthorizer authorizer, ObjectProvider<ResourceAttributes> kinds,
            ResourcesProperties resources, ObjectProvider<TenantIsolation> isolation) {
        Map<String, String> actions = new LinkedHashMap<>();
        resources.getActions().forEach((method, action) -> actions.put(method.toUpperCase(Locale.ROOT), action));
        TenantIsolation tenancy = isolation.getIfAvailable();
        try {
            return new ResourceChecks(authorizer, kinds.orderedStream().toList(), actions, resources.getDenyStatus(),
                    tenancy == null ? null : List.copyOf(tenancy.crossTenantRoles()));
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException(ResourcesProperties.PREFIX + ": " + invalid.getMessage(),
                    "Correct the property named above.", invalid);
        }
    }

    /** Plans as MongoDB queries, when Spring Data MongoDB is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Criteria.class)
    static class MongoFilters {

        @Bean
        @ConditionalOnMissingBean
        MongoResourceFilters policyAuthMongoResourceFilters(ResourcesProperties resources) {
            Map<String, Map<String, String>> fields = new LinkedHashMap<>();
            resources.getKinds().forEach((kind, settings) -> fields.put(kind, settings.getFields()));
            return new MongoResourceFilters(fields);
        }
    }
}
