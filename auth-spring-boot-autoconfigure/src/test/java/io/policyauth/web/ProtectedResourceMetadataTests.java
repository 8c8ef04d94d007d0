package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The protected resource metadata (RFC 9728) over a real Tomcat: the document at the well-known
 * URL the resource identifier gives, its scopes read from the policy map, its issuers from the
 * configuration; every 401's Bearer challenge names it; a resource that is not a URL stops the start.
 */
class ProtectedResourceMetadataTests {

    private static final String SECRET = "a-resource-metadata-secret-of-32-bytes-or-more";

    @Nested
    @SpringBootTest(classes = Api.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "policy-auth.jwt.secret=" + SECRET, "policy-auth.jwt.issuer=https://login.example.com",
        "policy-auth.jwt.issuers.partners.secret=" + SECRET + "-partners",
        "policy-auth.jwt.issuers.partners.issuer=https://partners.example.com",
        "policy-auth.policies.reporting.any-of=private", "policy-auth.policies.reporting.scopes=reports:read",
        "policy-auth.resource-metadata.enabled=true",
        "policy-auth.resource-metadata.resource=https://api.example.com/v1",
        "policy-auth.resource-metadata.resource-name=Orders API"})
    class Served {

        @LocalServerPort
        int port;

        @Test
        void theDocumentDescribesTheApiFromThePolicyMap() {
            HttpResponse<String> metadata = new HttpTestClient(port).get("/.well-known/oauth-protected-resource/v1");

            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(metadata.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            String json = metadata.body();
            assertThat(JsonPath.<String>read(json, "$.resource")).isEqualTo("https://api.example.com/v1");
            assertThat(JsonPath.<List<String>>read(json, "$.authorization_servers"))
                    .containsExactly("https://login.example.com", "https://partners.example.com");
            assertThat(JsonPath.<List<String>>read(json, "$.scopes_supported"))
                    .containsExactly("orders:read", "reports:read");
            assertThat(JsonPath.<List<String>>read(json, "$.bearer_methods_supported")).containsExactly("header");
            assertThat(JsonPath.<Boolean>read(json, "$.tls_client_certificate_bound_access_tokens")).isTrue();
            assertThat(JsonPath.<String>read(json, "$.resource_name")).isEqualTo("Orders API");
        }

        @Test
        void every401BearerChallengeNamesIt() {
            HttpResponse<String> missing = new HttpTestClient(port).get("/orders");
            HttpResponse<String> invalid = new HttpTestClient(port).get("/orders", "Authorization", "Bearer nope");

            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(
                    challenge).startsWith("Bearer").contains("resource_metadata="
                            + "\"https://api.example.com/.well-known/oauth-protected-resource/v1\""));
            assertThat(invalid.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(
                    challenge).contains("error=\"invalid_token\"", "resource_metadata="));
        }

        @Test
        void itIsReadOnlyAndOnlyAtItsOwnPath() {
            HttpTestClient http = new HttpTestClient(port);

            assertThat(http.send("POST", "/.well-known/oauth-protected-resource/v1").statusCode()).isEqualTo(405);
            assertThat(http.get("/.well-known/oauth-protected-resource").statusCode()).isEqualTo(401);
        }
    }

    @Nested
    @SpringBootTest(classes = Api.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "policy-auth.jwt.secret=" + SECRET, "policy-auth.jwt.issuer=https://login.example.com",
        "policy-auth.jwt.dpop.mode=allowed", "policy-auth.jwt.dpop.algorithms=ES256,PS256",
        "policy-auth.policies.reporting.any-of=private",
        "policy-auth.resource-metadata.enabled=true", "policy-auth.resource-metadata.resource=https://api.example.com"})
    class WithDpop {

        @LocalServerPort
        int port;

        @Test
        void theDocumentNamesTheProofAlgorithmsAndEveryTokenChallengeTheDocument() {
            String json = new HttpTestClient(port).get("/.well-known/oauth-protected-resource").body();
            assertThat(JsonPath.<List<String>>read(json, "$.dpop_signing_alg_values_supported"))
                    .containsExactly("ES256", "PS256");
            assertThat(JsonPath.<Boolean>read(json, "$.dpop_bound_access_tokens_required")).isFalse();

            assertThat(new HttpTestClient(port).get("/orders").headers().allValues("WWW-Authenticate")).containsExactly(
                    "Bearer resource_metadata=\"https://api.example.com/.well-known/oauth-protected-resource\"",
                    "DPoP algs=\"ES256 PS256\", "
                            + "resource_metadata=\"https://api.example.com/.well-known/oauth-protected-resource\"");
        }
    }

    @Test
    void aResourceThatIsNotTheApisUrlStopsTheStart() {
        StartFailures.assertStartFails(Api.class, new String[] {"--server.port=0", "--policy-auth.jwt.secret=" + SECRET,
            "--policy-auth.jwt.issuer=https://login.example.com", "--policy-auth.resource-metadata.enabled=true",
            "--policy-auth.resource-metadata.resource=api.example.com"},
                "policy-auth.resource-metadata.resource must be the API's absolute http(s) URL");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class Api {

        @RestController
        static class Orders {

            @GetMapping("/orders")
            @RequiresPolicy(value = "private", scopes = "orders:read")
            String orders() {
                return "orders";
            }

            @GetMapping("/reports")
            @RequiresPolicy("reporting")
            String reports() {
                return "reports";
            }
        }
    }
}
