package io.policyauth.autoconfigure.openapi;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.policyauth.autoconfigure.jwt.JwtIssuerProperties;
import io.policyauth.autoconfigure.jwt.JwtProperties;
import io.policyauth.autoconfigure.web.reactive.PolicyAuthWebFluxAutoConfiguration;
import io.policyauth.autoconfigure.web.servlet.PolicyAuthWebMvcAutoConfiguration;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.jwt.PrivateExecutor;
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
    PolicyOpenApiCustomizer policyAuthOpenApiCustomizer(PolicyMap policyMap, AuthExecutorRegistry registry,
            ObjectProvider<JwtProperties> jwt) {
        return new PolicyOpenApiCustomizer(policyMap, registry, schemes(jwt.getIfAvailable()));
    }

    @Bean
    @ConditionalOnMissingBean
    AuthenticatedUserParameters policyAuthAuthenticatedUserParameters() {
        return new AuthenticatedUserParameters();
    }

    /*
     * The issuers' names come from the configuration: the top-level issuer verifies "private",
     * each of policy-auth.jwt.issuers.<name> "private:<name>", and "private" accepts all of them.
     */
    private static PolicySchemes schemes(JwtProperties jwt) {
        if (jwt == null) {
            return new PolicySchemes(Map.of(), Map.of());
        }
        Map<String, URI> discovery = new HashMap<>();
        List<String> issuers = new ArrayList<>();
        if (jwt.hasKeySource()) {
            issuers.add(PrivateExecutor.POLICY);
            putIssuerUri(discovery, PrivateExecutor.POLICY, jwt);
        }
        jwt.getIssuers().forEach((name, issuer) -> {
            String policy = PrivateExecutor.POLICY + ":" + name;
            issuers.add(policy);
            putIssuerUri(discovery, policy, issuer);
        });
        return new PolicySchemes(discovery, jwt.getIssuers().isEmpty() ? Map.of()
                : Map.of(PrivateExecutor.POLICY, issuers));
    }

    private static void putIssuerUri(Map<String, URI> discovery, String policy, JwtIssuerProperties issuer) {
        if (issuer.getIssuerUri() != null) {
            discovery.put(policy, issuer.getIssuerUri());
        }
    }
}
