package io.policyauth.autoconfigure.actuate;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.policyauth.actuate.PolicyAuthEndpoint;
import io.policyauth.autoconfigure.web.servlet.PolicyAuthWebMvcAutoConfiguration;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.PolicyModes;
import io.policyauth.web.PolicyMap;

/** The {@code policyauth} Actuator endpoint, when Actuator is present and the endpoint is exposed. */
@AutoConfiguration(after = PolicyAuthWebMvcAutoConfiguration.class,
        afterName = "io.policyauth.autoconfigure.web.reactive.PolicyAuthWebFluxAutoConfiguration")
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean(PolicyMap.class)
public class PolicyAuthEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    PolicyAuthEndpoint policyAuthEndpoint(AuthExecutorRegistry registry, PolicyMap policyMap, PolicyModes modes) {
        return new PolicyAuthEndpoint(registry, policyMap, modes);
    }
}
