package io.policyauth.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.policyauth.openapi.ApiDocs.DocumentedOperation;
import io.policyauth.openapi.app.ShopApplication;
import io.policyauth.test.PolicyAuthAssertions;
import io.policyauth.test.TestTokens;
import io.policyauth.web.MappedPolicy;
import io.policyauth.web.PolicyMap;

/**
 * The document against the running application: for every operation, what its {@code security}
 * says is what the endpoint answers to each kind of credential, and what the policy map says.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentAgreesWithEndpointsTests {

    private static final String SHARED_KEY = "openapi-test-shared-key-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    TestTokens testTokens;

    @Autowired
    PolicyMap policyMap;

    RestTestClient client;
    ApiDocs docs;

    @BeforeEach
    void fetch() {
        client = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        docs = ApiDocs.fetch(client);
    }

    @Test
    void everyDocumentedOperationIsInThePolicyMapWithTheSameOpenness() {
        List<DocumentedOperation> operations = docs.operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(12);
        for (DocumentedOperation operation : operations) {
            MappedPolicy entry = policyMap.entries().stream().filter(candidate ->
                    candidate.pattern().equals(operation.path()) && candidate.method().equals(operation.method()))
                    .findFirst().orElseThrow(() -> new AssertionError("not in the policy map: " + operation));
            assertThat(operation.open()).as(operation.toString()).isEqualTo(entry.open());
            assertThat(operation.policyAuth().get("policy")).as(operation.toString())
                    .isEqualTo(String.join("|", entry.policy()));
            assertThat(operation.security().isEmpty()).as(operation + ": security: [] only when open to anyone")
                    .isEqualTo(entry.open() && entry.policy().equals(List.of("public")));
            PolicyAuthAssertions.assertThat(policyMap).endpoint(operation.method(), operation.path());
        }
    }

    @Test
    void withoutACredentialOpenOperationsAnswerAndTheOthersAsk() {
        for (DocumentedOperation operation : docs.operations()) {
            int status = send(operation, null, null);
            if (operation.open()) {
                assertThat(status).as(operation.toString()).isEqualTo(200);
            }
            else if (operation.security().stream().noneMatch(Map::isEmpty)) {
                assertThat(status).as(operation + " needs a credential").isEqualTo(401);
                assertThat(operation.responses()).as(operation.toString()).containsKey("401");
            }
        }
    }

    /* What Swagger UI shows a reader: who may call, and only the refusals the policy can give. */
    @Test
    void eachOperationSaysWhoMayCallItAndListsOnlyTheRefusalsItsPolicyCanGive() {
        DocumentedOperation internal = docs.operation("GET", "/ops/status");
        assertThat(internal.description()).contains("Who may call: callers from the configured networks.")
                .doesNotContain("127.0.0.0");
        assertThat(internal.responses()).containsKey("403").doesNotContainKeys("401", "503");

        DocumentedOperation writer = docs.operation("POST", "/orders");
        assertThat(writer.description()).contains("Who may call: callers with a valid bearer token (policy private) "
                + "holding scopes orders:write.");
        // The test support replaces the issuer's keys with its own: no backend decides, so no 503.
        assertThat(writer.responses()).containsKeys("401", "403").doesNotContainKey("503");

        assertThat(docs.operation("GET", "/orders").responses()).containsKey("401").doesNotContainKeys("403", "503");
        assertThat(docs.operation("GET", "/kx/query").responses()).containsKeys("401", "403", "503");
        assertThat(docs.operation("GET", "/kx/query").description()).contains("the authorization service of "
                + "policy kx admits");
        assertThat(docs.operation("GET", "/hello").description()).contains("Who may call: anyone.");
        assertThat(docs.operation("GET", "/staff/desk").description()).contains(" and also ")
                .contains("with roles staff");

        for (String[] refusal : new String[][] {{"Unauthorized", "unauthenticated", "401"},
                {"Forbidden", "forbidden", "403"}, {"Unavailable", "unavailable", "503"}}) {
            Map<String, Object> example = JsonPath.read(docs.json(), "$.components.responses.PolicyAuth" + refusal[0]
                    + ".content['application/problem+json'].example");
            assertThat(example).containsEntry("type", "urn:policy-auth:problem:" + refusal[1])
                    .containsEntry("status", Integer.parseInt(refusal[2]));
        }
    }

    @Test
    void eachDocumentedAlternativeAdmitsTheCredentialItNames() {
        int checked = 0;
        for (DocumentedOperation operation : docs.operations()) {
            for (Map<String, List<String>> alternative : operation.security()) {
                if (alternative.isEmpty()) {
                    continue;
                }
                String[] credential = credentialFor(alternative, operation.roles());
                assertThat(send(operation, credential[0], credential[1]))
                        .as(operation + " with " + alternative.keySet()).isEqualTo(200);
                checked++;
                List<String> scopes = alternative.values().iterator().next();
                if (!scopes.isEmpty()) {
                    String[] without = credentialFor(Map.of(alternative.keySet().iterator().next(), List.of()),
                            operation.roles());
                    assertThat(send(operation, without[0], without[1]))
                            .as(operation + " without " + scopes).isEqualTo(403);
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void theParticularShapes() {
        assertThat(docs.operation("GET", "/hello").security()).isEmpty();
        assertThat(docs.operation("GET", "/maybe").security()).contains(Map.of());
        assertThat(docs.operation("POST", "/orders").security()).containsExactly(Map.of("private", List.of("orders:write")),
                Map.of("private-oidc", List.of("orders:write")), Map.of("private_partners", List.of("orders:write")));
        assertThat(docs.operation("GET", "/partners/feed").security()).containsExactly(
                Map.of("private_partners", List.of()), Map.of("shared_api_key", List.of()));
        assertThat(docs.operation("GET", "/staff/desk").roles()).containsExactly("staff");
        assertThat(docs.operation("PUT", "/catalog/{sku}").policyAuth()).containsEntry("source", "route");
        assertThat(docs.operation("GET", "/orders").policyAuth()).containsEntry("source", "default");
        assertThat(docs.operation("GET", "/ops/status").policyAuth()).containsEntry("policy", "internal");
        assertThat(docs.operation("GET", "/orders").operation()).doesNotContainKey("parameters");
    }

    /* The credential a requirement object names: header name and value. */
    private String[] credentialFor(Map<String, List<String>> alternative, List<String> roles) {
        String[] credential = null;
        for (Map.Entry<String, List<String>> scheme : alternative.entrySet()) {
            String[] scopes = scheme.getValue().toArray(String[]::new);
            String[] rolesHeld = roles.toArray(String[]::new);
            credential = switch (scheme.getKey()) {
                case "private", "private-oidc" -> bearer(testTokens.bearerToken().scopes(scopes).roles(rolesHeld).build());
                case "private_partners" -> bearer(testTokens.bearerToken().issuer("partners").scopes(scopes)
                        .roles(rolesHeld).build());
                case "shared_api_key" -> new String[] {"X-API-KEY", SHARED_KEY};
                default -> throw new AssertionError("unexpected scheme " + scheme.getKey());
            };
        }
        return credential;
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private int send(DocumentedOperation operation, String header, String value) {
        return client.method(HttpMethod.valueOf(operation.method())).uri(operation.examplePath())
                .headers(headers -> {
                    if (header != null) {
                        headers.add(header, value);
                    }
                }).exchange().returnResult(String.class).getStatus().value();
    }
}
