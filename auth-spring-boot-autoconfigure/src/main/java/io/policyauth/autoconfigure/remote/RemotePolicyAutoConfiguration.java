package io.policyauth.autoconfigure.remote;

import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

import io.policyauth.core.RequestBodySource;
import io.policyauth.web.BodyCopyFilter;
import io.policyauth.web.ServletRequestBodySource;

/**
 * Registers one policy per {@code policy-auth.remote.<name>} entry, each asking its HTTP
 * authorizer. A missing or non-http(s) endpoint, a non-positive timeout or another bad setting
 * fails the start, naming the property. When a remote policy sets {@code include-body}, servlet
 * request bodies are made copyable for it.
 */
@AutoConfiguration
@ConditionalOnPolicyAuthEnabled
@ConditionalOnClass({RestClient.class, JsonMapper.class})
@EnableConfigurationProperties(RemoteProperties.class)
@Import(RemotePolicyRegistrar.class)
public final class RemotePolicyAutoConfiguration {

    /** Body copying on the servlet stack, only when some remote policy sends bodies. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(OncePerRequestFilter.class)
    @Conditional(OnRemoteBodyCondition.class)
    static class BodyCopying {

        @Bean
        @ConditionalOnMissingBean
        RequestBodySource servletRequestBodySource() {
            return new ServletRequestBodySource();
        }

        @Bean
        BodyCopyFilter policyAuthBodyCopyFilter(Environment environment) {
            return new BodyCopyFilter(RemotePolicies.maxBodyBytes(RemotePolicies.bind(environment)));
        }
    }

    /*
     * The WebFlux front cannot copy bodies yet. An authorizer asked without the body it was
     * promised could admit what the body says, so such a configuration does not start.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @Conditional(OnRemoteBodyCondition.class)
    static class BodyCopyingUnsupported {

        BodyCopyingUnsupported() {
            throw new IllegalStateException("policy-auth.remote.<name>.include-body=true is not supported on "
                    + "WebFlux yet: the authorizer would be asked without the body. Remove include-body, or "
                    + "serve these endpoints with Spring MVC.");
        }
    }
}
