package io.policyauth.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code gateway/envoy.yaml} as Envoy reads it (Envoy is not packaged where this project is built,
 * so its contract is checked on the file): client-sent identity headers are stripped by the first
 * HTTP filter, before ext_authz adds the granted ones, nothing removes them afterwards, and every
 * identity header policy-auth grants is passed upstream.
 */
class EnvoyExampleTests {

    private static final List<String> IDENTITY = List.of(IdentityHeaders.SUBJECT, IdentityHeaders.SCOPES,
            IdentityHeaders.ROLES, IdentityHeaders.TENANT, IdentityHeaders.POLICY, IdentityHeaders.MECHANISM,
            IdentityHeaders.ISSUER);

    @Test
    @SuppressWarnings("unchecked")
    void clientIdentityHeadersAreStrippedBeforeExtAuthzAndGrantedOnesReachTheUpstream() throws IOException {
        String text = Files.readString(Path.of("..", "gateway", "envoy.yaml"));
        Map<String, Object> manager = (Map<String, Object>) at(new Yaml().load(text), "static_resources",
                "listeners", 0, "filter_chains", 0, "filters", 0, "typed_config");
        List<Map<String, Object>> filters = (List<Map<String, Object>>) manager.get("http_filters");

        assertThat(filters).extracting(filter -> filter.get("name")).containsExactly(
                "envoy.filters.http.header_mutation", "envoy.filters.http.ext_authz", "envoy.filters.http.router");
        List<Map<String, Object>> removals = (List<Map<String, Object>>) at(filters.get(0), "typed_config",
                "mutations", "request_mutations");
        List<String> removed = removals.stream().map(mutation -> (String) mutation.get("remove")).toList();
        List<Map<String, Object>> allowed = (List<Map<String, Object>>) at(filters.get(1), "typed_config",
                "http_service", "authorization_response", "allowed_upstream_headers", "patterns");
        List<String> passedUp = allowed.stream().map(pattern -> (String) pattern.get("exact")).toList();
        for (String header : IDENTITY) {
            assertThat(removed).contains(header.toLowerCase(Locale.ROOT));
            assertThat(passedUp).contains(header.toLowerCase(Locale.ROOT));
        }
        // A removal on the route would run after ext_authz and delete the granted headers too.
        assertThat((Map<String, Object>) at(manager, "route_config", "virtual_hosts", 0, "routes", 0))
                .doesNotContainKey("request_headers_to_remove");
    }

    private static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            current = step instanceof Integer index ? ((List<?>) current).get(index) : ((Map<?, ?>) current).get(step);
        }
        return current;
    }
}
