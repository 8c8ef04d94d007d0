package io.policyauth.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.policyauth.openapi.app.ShopApplication;

/** The document stays in step by construction: change a route or the default policy, and it changes. */
class DocumentFollowsRoutesTests {

    @Test
    void aRouteThatOpensAnEndpointOpensItInTheDocument() {
        ApiDocs before = docs();
        ApiDocs after = docs("policy-auth.routes[0].pattern=/orders", "policy-auth.routes[0].methods=GET",
                "policy-auth.routes[0].policy=public", "policy-auth.routes[1].pattern=/v3/api-docs/**",
                "policy-auth.routes[1].policy=public");

        assertThat(before.operation("GET", "/orders").security()).isNotEmpty();
        assertThat(after.operation("GET", "/orders").security()).isEmpty();
        assertThat(after.operation("GET", "/orders").policyAuth()).containsEntry("source", "route");
        // The catalog routes are gone from this configuration: its endpoints fall to the default policy.
        assertThat(after.operation("GET", "/catalog/{sku}").policyAuth()).containsEntry("source", "default");
    }

    @Test
    void aRoutesResourceRuleIsInTheDocumentWithItsActionResolved() {
        ApiDocs docs = docs("policy-auth.resources.engine=cerbos", "policy-auth.routes[0].pattern=/catalog/{sku}",
                "policy-auth.routes[0].policy=private", "policy-auth.routes[0].resource.kind=product",
                "policy-auth.routes[0].resource.id={sku}", "policy-auth.routes[1].pattern=/v3/api-docs/**",
                "policy-auth.routes[1].policy=public");

        assertThat(docs.operation("GET", "/catalog/{sku}").policyAuth()).containsEntry("resource",
                Map.of("kind", "product", "id", "{sku}", "action", "read"));
        assertThat(docs.operation("GET", "/orders").policyAuth()).doesNotContainKey("resource");
    }

    @Test
    void aRoutesStepUpIsInTheDocument() {
        ApiDocs docs = docs("policy-auth.routes[0].pattern=/catalog/{sku}", "policy-auth.routes[0].policy=private",
                "policy-auth.routes[0].acr=urn:example:mfa", "policy-auth.routes[0].max-age=5m",
                "policy-auth.routes[1].pattern=/v3/api-docs/**", "policy-auth.routes[1].policy=public");

        assertThat(docs.operation("GET", "/catalog/{sku}").policyAuth()).containsEntry("acr",
                List.of("urn:example:mfa")).containsEntry("max-age", 300);
    }

    @Test
    void anotherDefaultPolicyIsAnotherSecurity() {
        ApiDocs keys = docs("policy-auth.default-policy=shared_api_key");

        assertThat(keys.operation("GET", "/orders").security()).containsExactly(Map.of("shared_api_key", List.of()));
    }

    private static ApiDocs docs(String... properties) {
        // As command-line arguments: they win over application.yml, as a deployment's would.
        String[] arguments = Stream.concat(Stream.of("server.port=0"), Stream.of(properties))
                .map(property -> "--" + property).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
                .run(arguments)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            return ApiDocs.fetch(RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build());
        }
    }
}
