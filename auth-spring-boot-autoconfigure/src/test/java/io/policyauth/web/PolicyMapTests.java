package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.Enforcement;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.PublicExecutor;
import io.policyauth.core.Requirements;
import io.policyauth.web.servlet.MvcMappedHandlers;

class PolicyMapTests {

    private final AuthService authService = new AuthService(new AuthExecutorRegistry(List.of(new PublicExecutor(),
            new TestExecutors.TokenHeader("token")), Map.of()), new DecisionMetrics(new SimpleMeterRegistry()));
    private final EffectivePolicies policies = new EffectivePolicies(authService, "token",
            List.of(RouteRule.of("/docs/**", Set.of(), List.of("public"), Requirements.NONE)),
            new PolicyModes(Enforcement.ENFORCE, Map.of()), ExemptEndpoints.NONE);
    private final RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
    private final PolicyMap map = new PolicyMap(new MvcMappedHandlers(() -> List.of(mapping)), policies);

    @Test
    void everyPatternAndMethodWithItsPolicySourceAndOpenness() throws Exception {
        Endpoints endpoints = new Endpoints();
        mapping.registerMapping(RequestMappingInfo.paths("/orders").methods(RequestMethod.GET).build(), endpoints,
                Endpoints.class.getDeclaredMethod("orders"));
        mapping.registerMapping(RequestMappingInfo.paths("/docs/index").methods(RequestMethod.GET).build(), endpoints,
                Endpoints.class.getDeclaredMethod("docs"));
        mapping.registerMapping(RequestMappingInfo.paths("/any").build(), endpoints,
                Endpoints.class.getDeclaredMethod("docs"));

        List<MappedPolicy> entries = map.entries();

        assertThat(entries).extracting(entry -> entry.method() + " " + entry.pattern() + " " + entry.policy() + " "
                + entry.source() + (entry.open() ? " open" : ""))
                .containsExactly("* /any [token] DEFAULT", "GET /docs/index [public] ROUTE open",
                        "HEAD /docs/index [public] ROUTE open", "GET /orders [token] ANNOTATION",
                        "HEAD /orders [token] ANNOTATION");
        assertThat(entries).filteredOn(entry -> entry.pattern().equals("/orders"))
                .allSatisfy(entry -> assertThat(entry.requirements().scopes()).containsExactly("orders:read"));
        assertThat(entries.get(0).handler()).isEqualTo(Endpoints.class.getName() + "#docs");
    }

    @Test
    void staticResourcesAndOtherUrlHandlersAreDecidedByRoutesAndTheDefault() {
        org.springframework.web.servlet.handler.SimpleUrlHandlerMapping resources =
                new org.springframework.web.servlet.handler.SimpleUrlHandlerMapping(Map.of(
                        "/docs/**", new org.springframework.web.servlet.resource.ResourceHttpRequestHandler(),
                        "/**", new org.springframework.web.servlet.resource.ResourceHttpRequestHandler()));
        resources.setApplicationContext(new org.springframework.context.support.StaticApplicationContext());
        PolicyMap withResources = new PolicyMap(new MvcMappedHandlers(() -> List.of(mapping), () -> List.of(resources)),
                policies);

        assertThat(withResources.entries()).anySatisfy(entry -> {
            assertThat(entry.pattern()).isEqualTo("/docs/**");
            assertThat(entry.method()).isEqualTo("*");
            assertThat(entry.handler()).isEqualTo("static resources");
            assertThat(entry.policy()).containsExactly("public");
            assertThat(entry.source()).isEqualTo(PolicySource.ROUTE);
        }).anySatisfy(entry -> {
            assertThat(entry.pattern()).isEqualTo("/**");
            assertThat(entry.policy()).containsExactly("token");
            assertThat(entry.source()).isEqualTo(PolicySource.DEFAULT);
        });
    }

    static class Endpoints {

        @RequiresPolicy(value = "token", scopes = "orders:read")
        String orders() {
            return "orders";
        }

        String docs() {
            return "docs";
        }
    }
}
