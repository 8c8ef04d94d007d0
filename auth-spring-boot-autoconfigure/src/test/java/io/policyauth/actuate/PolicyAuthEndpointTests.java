package io.policyauth.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.Enforcement;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.PublicExecutor;
import io.policyauth.core.Requirements;
import io.policyauth.jwt.NimbusJwtAuthProvider;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.ExemptEndpoints;
import io.policyauth.web.PolicyMap;
import io.policyauth.web.PolicySource;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RouteRule;
import io.policyauth.web.servlet.MvcMappedHandlers;

/** {@code /actuator/policyauth}'s report, built from the registry and the policy map without a server. */
class PolicyAuthEndpointTests {

    private static final byte[] SECRET = "an-hs256-secret-of-32-bytes-at-least!!".getBytes(StandardCharsets.UTF_8);

    private final AuthExecutorRegistry registry = new AuthExecutorRegistry(List.of(new PublicExecutor(),
            new PrivateExecutor(NimbusJwtAuthProvider.withSecret(SECRET).build())), Map.of());
    private final PolicyModes modes = new PolicyModes(Enforcement.ENFORCE, Map.of("public", Enforcement.DRY_RUN));
    private final EffectivePolicies policies = new EffectivePolicies(new AuthService(registry,
            new DecisionMetrics(new SimpleMeterRegistry())), "private",
            List.of(RouteRule.of("/docs/**", Set.of(), List.of("public"), Requirements.NONE)), modes,
            ExemptEndpoints.NONE);
    private final RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
    private final PolicyAuthEndpoint endpoint = new PolicyAuthEndpoint(registry,
            new PolicyMap(new MvcMappedHandlers(() -> List.of(mapping)), policies), modes);

    @Test
    void reportsEveryPolicyWithWhatItReadsAndEveryEndpointWithWhereItsPolicyComesFrom() throws Exception {
        Endpoints endpoints = new Endpoints();
        mapping.registerMapping(RequestMappingInfo.paths("/orders").methods(RequestMethod.POST).build(), endpoints,
                Endpoints.class.getDeclaredMethod("order"));
        mapping.registerMapping(RequestMappingInfo.paths("/docs/index").methods(RequestMethod.POST).build(),
                endpoints, Endpoints.class.getDeclaredMethod("docs"));

        PolicyAuthReport report = endpoint.policies();

        assertThat(report.defaultPolicy()).isEqualTo("private");
        assertThat(report.policies()).extracting(PolicyEntry::name, PolicyEntry::kind, PolicyEntry::mode)
                .contains(org.assertj.core.groups.Tuple.tuple("public", "public", Enforcement.DRY_RUN),
                        org.assertj.core.groups.Tuple.tuple("private", "jwt", Enforcement.ENFORCE));
        assertThat(report.policies()).filteredOn(policy -> policy.name().equals("private")).singleElement()
                .satisfies(policy -> {
                    assertThat(policy.credential().type()).isEqualTo(CredentialDescription.Type.BEARER_TOKEN);
                    assertThat(policy.schemes()).containsExactly("Bearer");
                });
        assertThat(report.endpoints()).extracting(entry -> entry.method() + " " + entry.pattern() + " "
                + entry.policy() + " " + entry.source() + (entry.open() ? " open" : ""))
                .containsExactly("POST /docs/index [public] " + PolicySource.ROUTE + " open",
                        "POST /orders [private] " + PolicySource.ANNOTATION);
        assertThat(report.endpoints()).filteredOn(entry -> entry.pattern().equals("/orders")).singleElement()
                .satisfies(entry -> assertThat(entry.requirements().scopes()).containsExactly("orders:write"));
    }

    static class Endpoints {

        @RequiresPolicy(value = "private", scopes = "orders:write")
        String order() {
            return "order";
        }

        String docs() {
            return "docs";
        }
    }
}
