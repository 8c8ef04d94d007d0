package io.policyauth.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.BearerTokens;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.Enforcement;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.PublicExecutor;
import io.policyauth.core.Requirements;
import io.policyauth.jwt.NimbusJwtAuthProvider;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.dpop.DpopRejections;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.ExemptEndpoints;
import io.policyauth.web.PolicyMap;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RouteRule;
import io.policyauth.web.servlet.MvcMappedHandlers;

/**
 * The customizer over a document springdoc would have made, with the policies' own descriptions:
 * schemes per issuer, each operation's security, who may call it and the refusals it can give.
 */
class PolicyOpenApiCustomizerTests {

    private static final byte[] SECRET = "an-hs256-secret-of-32-bytes-at-least!!".getBytes(StandardCharsets.UTF_8);

    private final RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();

    @Test
    void eachOperationGetsItsPolicysSecurityDescriptionAndRefusals() throws Exception {
        CredentialDescription.Issuer idp = new CredentialDescription.Issuer("private",
                URI.create("https://idp.example/.well-known/openid-configuration"));
        PolicyOpenApiCustomizer customizer = customizer(new PrivateExecutor("private",
                NimbusJwtAuthProvider.withSecret(SECRET).build(), List.of(idp)));
        OpenAPI document = document("/orders", "/docs/index");

        customizer.customise(document);

        Map<String, SecurityScheme> schemes = document.getComponents().getSecuritySchemes();
        assertThat(schemes.get("private").getBearerFormat()).isEqualTo("JWT");
        assertThat(schemes.get("private-oidc").getOpenIdConnectUrl())
                .isEqualTo("https://idp.example/.well-known/openid-configuration");
        Operation order = document.getPaths().get("/orders").getPost();
        // Either scheme alone admits the token: one requirement each, with the scopes asked for.
        assertThat(order.getSecurity()).hasSize(2).allSatisfy(requirement -> assertThat(requirement.values())
                .singleElement().isEqualTo(List.of("orders:write")));
        assertThat(order.getSecurity()).flatExtracting(requirement -> List.copyOf(requirement.keySet()))
                .containsExactly("private", "private-oidc");
        assertThat(order.getDescription()).contains("Who may call: callers with a valid bearer token (policy private)");
        assertThat(order.getResponses()).containsKeys("401", "403");
        Operation docs = document.getPaths().get("/docs/index").getPost();
        assertThat(docs.getSecurity()).isEmpty();
        assertThat(docs.getDescription()).contains("Who may call: anyone.");
        assertThat(docs.getResponses()).isNull();
    }

    @Test
    void aBearerPolicyThatNamesNoIssuerIsDocumentedUnderItsOwnName() throws Exception {
        PolicyOpenApiCustomizer customizer = customizer(new PrivateExecutor(NimbusJwtAuthProvider.withSecret(SECRET)
                .build()));
        OpenAPI document = document("/orders");

        customizer.customise(document);

        assertThat(document.getComponents().getSecuritySchemes()).containsOnlyKeys("private");
    }

    @Test
    void aPolicyThatTakesDpopBoundTokensHasADpopSchemeAndOneThatRequiresThemNoBearerScheme() {
        DpopRejections rejections = new DpopRejections("ES256 RS256");
        PolicyDescription allowed = PolicyDescription.leaf("private", "jwt", CredentialDescription.bearerToken("JWT",
                List.of()), List.of(BearerTokens.challenge(), rejections.challenge()));
        PolicyDescription required = PolicyDescription.leaf("private", "jwt", CredentialDescription.bearerToken("JWT",
                List.of()), List.of(rejections.challenge()));

        Map<String, SecurityScheme> schemes = new PolicySchemes().schemesOf(allowed);
        assertThat(schemes).containsOnlyKeys("private", "private-dpop");
        assertThat(schemes.get("private-dpop").getScheme()).isEqualTo("DPoP");
        assertThat(schemes.get("private-dpop").getDescription()).contains("ES256 RS256");
        assertThat(new PolicySchemes().schemesOf(required)).containsOnlyKeys("private-dpop");
    }

    @Test
    void aRateLimitedPolicyCanRefuseWith429AndSaysItsLimit() {
        PolicyDescription limited = new PolicyDescription("metered", "any-of", List.of(), Requirements.NONE, null,
                List.of(), Map.of(PolicyDescription.RATE_LIMIT, "standard: 100 per 60 s, by caller"));

        assertThat(PolicyCallers.refusals(limited, false)).containsExactly("429");
        assertThat(PolicyCallers.sentence(limited)).endsWith("; rate limit standard: 100 per 60 s, by caller.");
    }

    @Test
    void aClientCertificatePolicyIsMutualTlsAndRefusesWith403Only() {
        PolicyDescription certificate = PolicyDescription.leaf("client_certificate", "client-certificate",
                new CredentialDescription(CredentialDescription.Type.CLIENT_CERTIFICATE, null), List.of());

        assertThat(new PolicySchemes().schemesOf(certificate)).hasEntrySatisfying("client_certificate",
                scheme -> assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.MUTUALTLS));
        assertThat(PolicyCallers.refusals(certificate, false)).containsExactly("403");
        assertThat(PolicyCallers.sentence(certificate)).contains("callers with a trusted TLS client certificate");
    }

    private PolicyOpenApiCustomizer customizer(PrivateExecutor privatePolicy) throws Exception {
        AuthExecutorRegistry registry = new AuthExecutorRegistry(List.of(new PublicExecutor(), privatePolicy),
                Map.of());
        PolicyModes modes = new PolicyModes(Enforcement.ENFORCE, Map.of());
        EffectivePolicies policies = new EffectivePolicies(new AuthService(registry,
                new DecisionMetrics(new SimpleMeterRegistry())), "private",
                List.of(RouteRule.of("/docs/**", Set.of(), List.of("public"), Requirements.NONE)), modes,
                ExemptEndpoints.NONE);
        Endpoints endpoints = new Endpoints();
        mapping.registerMapping(RequestMappingInfo.paths("/orders").methods(RequestMethod.POST).build(), endpoints,
                Endpoints.class.getDeclaredMethod("order"));
        mapping.registerMapping(RequestMappingInfo.paths("/docs/index").methods(RequestMethod.POST).build(),
                endpoints, Endpoints.class.getDeclaredMethod("docs"));
        return new PolicyOpenApiCustomizer(new PolicyMap(new MvcMappedHandlers(() -> List.of(mapping)), policies),
                registry, new PolicySchemes());
    }

    private static OpenAPI document(String... paths) {
        Paths items = new Paths();
        for (String path : paths) {
            items.addPathItem(path, new PathItem().post(new Operation().operationId(path)));
        }
        return new OpenAPI().paths(items);
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
