package io.policyauth.autoconfigure.openapi;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.policyauth.autoconfigure.web.reactive.PolicyAuthWebFluxAutoConfiguration;
import io.policyauth.autoconfigure.web.servlet.PolicyAuthWebMvcAutoConfiguration;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.openapi.AuthenticatedUserParameters;
import io.policyauth.openapi.PolicyOpenApiCustomizer;
import io.policyauth.openapi.PolicySchemes;
import io.policyauth.web.PolicyMap;

/**
 * With springdoc-openapi on the class path, every endpoint's real policy goes into the generated
 * document, with nothing to configure.
 */
@AutoConfiguration(after = {PolicyAuthWebMvcAutoConfiguration.class, PolicyAuthWebFluxAutoConfiguration.class})
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnBean(PolicyMap.class)
public class PolicyAuthOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PolicyOpenApiCustomizer policyAuthOpenApiCustomizer(PolicyMap policyMap, AuthExecutorRegistry registry) {
        return new PolicyOpenApiCustomizer(policyMap, registry, new PolicySchemes());
    }

    @Bean
    @ConditionalOnMissingBean
    AuthenticatedUserParameters policyAuthAuthenticatedUserParameters() {
        return new AuthenticatedUserParameters();
    }
}
