package io.policyauth.autoconfigure.resource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.resource.ResourceAuthorizer;
import io.policyauth.resource.cerbos.CerbosResourceAuthorizer;
import io.policyauth.resource.cerbos.CerbosSettings;

/**
 * The {@link ResourceAuthorizer} of {@code policy-auth.resources.engine=cerbos}: Cerbos, over its
 * HTTP API. Nothing talks to the engine at start; an engine that cannot answer makes the request
 * that needs it a 503.
 */
@AutoConfiguration
@ConditionalOnPolicyAuthEnabled
@ConditionalOnClass(RestClient.class)
@ConditionalOnProperty(name = ResourcesProperties.PREFIX + ".engine", havingValue = "cerbos")
@EnableConfigurationProperties(ResourcesProperties.class)
public class CerbosAutoConfiguration {

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
}
