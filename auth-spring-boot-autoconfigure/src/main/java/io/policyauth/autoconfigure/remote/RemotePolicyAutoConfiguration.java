package io.policyauth.autoconfigure.remote;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.json.JsonMapper;

import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.PolicyAuthProperties;
import io.policyauth.core.RequestBodySource;
import io.policyauth.web.reactive.ReactiveBodyCopyFilter;
import io.policyauth.web.reactive.ReactiveRequestBodySource;
import io.policyauth.web.servlet.BodyCopyFilter;
import io.policyauth.web.servlet.ServletRequestBodySource;

/**
 * Registers one policy per {@code policy-auth.remote.<name>} entry, each asking its HTTP
 * authorizer. A missing or non-http(s) endpoint, a non-positive timeout or another bad setting
 * fails the start, naming the property. When a remote policy sets {@code include-body}, request
 * bodies are made copyable for it, on either web stack.
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

    /** Body copying on the reactive stack, only when some remote policy sends bodies. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(WebFilter.class)
    @Conditional(OnRemoteBodyCondition.class)
    static class ReactiveBodyCopying {

        @Bean
        @ConditionalOnMissingBean
        ReactiveRequestBodySource reactiveRequestBodySource(Environment environment) {
            return new ReactiveRequestBodySource(Binder.get(environment)
                    .bind(PolicyAuthProperties.PREFIX + ".body-read-timeout", Duration.class)
                    .orElse(PolicyAuthProperties.DEFAULT_BODY_READ_TIMEOUT));
        }

        @Bean
        ReactiveBodyCopyFilter policyAuthReactiveBodyCopyFilter(Environment environment) {
            return new ReactiveBodyCopyFilter(RemotePolicies.maxBodyBytes(RemotePolicies.bind(environment)));
        }
    }
}
