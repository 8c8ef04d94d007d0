package io.policyauth.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.policyauth.web.MappedPolicy;
import io.policyauth.web.PolicyMap;

/**
 * The sample's published document against its policy map, endpoint by endpoint: the schemes an
 * operation's {@code security} names are exactly those of the policies the map gives it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleOpenApiTests {

    /** The schemes of each sample policy; internal has none (x-policy-auth says it). */
    private static final Map<String, Set<String>> SCHEMES = Map.of("private", Set.of("private"), "shared_api_key",
            Set.of("shared_api_key"), "db_api_key", Set.of("db_api_key"), "internal", Set.of(), "public", Set.of());

    @LocalServerPort
    int port;

    @Autowired
    PolicyMap policyMap;

    @Test
    void everyOperationsSecurityNamesTheSchemesOfItsPolicies() {
        String json = client().get().uri("/v3/api-docs").exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseBody();
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(json, "$.paths");
        int compared = 0;
        for (MappedPolicy entry : policyMap.entries()) {
            Map<String, Object> operation = paths.getOrDefault(entry.pattern(), Map.of()).get(entry.method()
                    .toLowerCase());
            if (operation == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
            Set<String> documented = security.stream().flatMap(requirement -> requirement.keySet().stream())
                    .collect(Collectors.toSet());
            Set<String> expected = entry.policy().stream().flatMap(policy -> SCHEMES.get(policy).stream())
                    .collect(Collectors.toSet());
            assertThat(documented).as(entry.method() + " " + entry.pattern()).isEqualTo(expected);
            assertThat(security.isEmpty()).as(entry.method() + " " + entry.pattern()).isEqualTo(entry.open());
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(10);
        assertThat(JsonPath.<String>read(json, "$.components.securitySchemes.db_api_key.name")).isEqualTo("X-API-KEY");
        assertThat(JsonPath.<List<String>>read(json, "$.paths['/api/orders'].post.security[0].private"))
                .containsExactly("orders:write");
    }

    @Test
    void theDocumentAndSwaggerUiAreGuardedByTheInternalPolicy() {
        client().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
        assertThat(policyMap.entries().stream().filter(entry -> entry.pattern().startsWith("/v3/api-docs")))
                .isNotEmpty().allSatisfy(entry -> assertThat(entry.policy()).as(entry.pattern())
                        .containsExactly("internal"));
    }

    private RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
