package io.policyauth.autoconfigure.remote;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.json.JsonMapper;

import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.PolicyAuthProperties;
import io.policyauth.web.reactive.ReactiveBodyCopyFilter;
import io.policyauth.web.servlet.BodyCopyFilter;

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

    private static final String TOMCAT_FORM_LIMIT = "server.tomcat.max-http-form-post-size";

    /* Boot's default for Tomcat's maxPostSize. */
    private static final DataSize DEFAULT_FORM_LIMIT = DataSize.ofMegabytes(2);

    /* The application's form reader, with its spring.codec.max-in-memory-size; Spring's default otherwise. */
    private static FormHttpMessageReader formReader(ServerCodecConfigurer codecs) {
        return codecs.getReaders().stream().filter(FormHttpMessageReader.class::isInstance)
                .map(FormHttpMessageReader.class::cast).findFirst().orElseGet(FormHttpMessageReader::new);
    }

    /** Body copying on the servlet stack, only when some remote policy sends bodies. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(OncePerRequestFilter.class)
    @Conditional(OnRemoteBodyCondition.class)
    static class BodyCopying {

        @Bean
        BodyCopyFilter policyAuthBodyCopyFilter(Environment environment) {
            // Forms are parsed up to the size the server itself parses (Tomcat's maxPostSize, as Boot sets it).
            long formLimit = Binder.get(environment).bind(TOMCAT_FORM_LIMIT, DataSize.class)
                    .orElse(DEFAULT_FORM_LIMIT).toBytes();
            return new BodyCopyFilter(RemotePolicies.maxBodyBytes(RemotePolicies.bind(environment)),
                    (int) Math.min(formLimit < 0 ? Integer.MAX_VALUE - 1 : formLimit, Integer.MAX_VALUE - 1));
        }
    }

    /** Body copying on the reactive stack, only when some remote policy sends bodies. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(WebFilter.class)
    @Conditional(OnRemoteBodyCondition.class)
    static class ReactiveBodyCopying {

        @Bean
        ReactiveBodyCopyFilter policyAuthReactiveBodyCopyFilter(Environment environment,
                ObjectProvider<ServerCodecConfigurer> codecs) {
            return new ReactiveBodyCopyFilter(RemotePolicies.maxBodyBytes(RemotePolicies.bind(environment)),
                    Binder.get(environment).bind(PolicyAuthProperties.PREFIX + ".body-read-timeout", Duration.class)
                            .orElse(PolicyAuthProperties.DEFAULT_BODY_READ_TIMEOUT),
                    formReader(codecs.getIfAvailable(ServerCodecConfigurer::create)));
        }
    }
}
