package io.policyauth.sample.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.policyauth.test.TestTokens;

/**
 * The README's walk-through, against a sample app on a random port: each sample (Spring MVC,
 * WebFlux) runs it with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}, so both answer the
 * same way.
 */
public abstract class SampleWalkthroughContract {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    TestTokens testTokens;

    @Test
    public void publicEndpointAnswersEveryone() throws Exception {
        HttpResponse<String> response = send("GET", "/api/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.caller.subject")).isEqualTo("anonymous");
    }

    @Test
    public void devTokenOpensThePrivateEndpoint() throws Exception {
        assertThat(send("GET", "/api/me").statusCode()).isEqualTo(401);

        HttpResponse<String> issued = send("POST", "/dev/token?subject=alice&scope=orders:read&role=admin");
        assertThat(issued.statusCode()).isEqualTo(200);
        String token = JsonPath.read(issued.body(), "$.access_token");

        HttpResponse<String> me = send("GET", "/api/me", "Authorization", "Bearer " + token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(me.body(), "$.subject")).isEqualTo("alice");
        assertThat((java.util.List<String>) JsonPath.read(me.body(), "$.scopes")).containsExactly("orders:read");
        assertThat((java.util.List<String>) JsonPath.read(me.body(), "$.roles")).containsExactly("admin");
    }

    @Test
    public void logoutRevokesTheToken() throws Exception {
        String token = JsonPath.read(send("POST", "/dev/token?subject=dora").body(), "$.access_token");
        assertThat(send("GET", "/api/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        assertThat(send("POST", "/api/logout", "Authorization", "Bearer " + token).statusCode()).isEqualTo(204);

        assertThat(send("GET", "/api/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    public void scopedEndpointNeedsTheScope() throws Exception {
        String reader = testTokens.bearerToken().subject("bob").scopes("orders:read").build();
        String writer = testTokens.bearerToken().subject("carol").scopes("orders:*").build();

        HttpResponse<String> refused = send("POST", "/api/orders", "Authorization", "Bearer " + reader);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"orders:write\"");
        assertThat(send("POST", "/api/orders", "Authorization", "Bearer " + writer).statusCode()).isEqualTo(200);
    }

    @Test
    public void actuatorIsGuardedByRouteRules() throws Exception {
        assertThat(send("GET", "/actuator/health").statusCode()).isEqualTo(200);
        HttpResponse<String> map = send("GET", "/actuator/policyauth");
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat((java.util.List<Boolean>) JsonPath.read(map.body(),
                "$.endpoints[?(@.pattern=='/api/hello' && @.method=='GET')].open")).containsExactly(true);
    }

    @Test
    public void sharedKeyOpensThePartnerEndpoint() throws Exception {
        assertThat(send("GET", "/api/partner/report").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/partner/report", "X-API-KEY", "wrong-key-0123456789").statusCode())
                .isEqualTo(401);
        HttpResponse<String> report = send("GET", "/api/partner/report", "X-API-KEY", "dev-shared-key-0123456789");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(report.body(), "$.caller.mechanism")).isEqualTo("shared_api_key");
    }

    @Test
    public void perClientKeyLifecycleAgainstTheEmbeddedMongoServer() throws Exception {
        HttpResponse<String> issued = send("POST", "/admin/keys?owner=acme&name=ci&scope=orders:read");
        assertThat(issued.statusCode()).isEqualTo(201);
        String key = JsonPath.read(issued.body(), "$.key");
        String keyId = JsonPath.read(issued.body(), "$.metadata.keyId");
        assertThat(key).startsWith("pak_");

        HttpResponse<String> whoami = send("GET", "/api/client/whoami", "X-API-KEY", key);
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(whoami.body(), "$.owner")).isEqualTo("acme");
        assertThat((java.util.List<String>) JsonPath.read(whoami.body(), "$.scopes")).containsExactly("orders:read");

        HttpResponse<String> listed = send("GET", "/admin/keys?owner=acme");
        assertThat(listed.body()).contains(keyId).doesNotContain(key);

        assertThat(send("DELETE", "/admin/keys/" + keyId).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/client/whoami", "X-API-KEY", key).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/admin/keys/" + keyId + "/rotate").statusCode()).isEqualTo(400);
    }

    @Test
    public void loopbackCallerPassesTheInternalPolicy() throws Exception {
        HttpResponse<String> status = send("GET", "/api/internal/status");

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(status.body(), "$.caller.subject")).isEqualTo("127.0.0.1");
    }

    @Test
    public void eitherEndpointTakesAKeyOrAToken() throws Exception {
        HttpResponse<String> none = send("GET", "/api/either");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().allValues("WWW-Authenticate")).hasSize(2);
        assertThat(send("GET", "/api/either", "X-API-KEY", "dev-shared-key-0123456789").statusCode()).isEqualTo(200);
    }

    @Test
    public void twoTenantsAndTheRolesAcmeDefinesForItself() throws Exception {
        String admin = "Bearer " + devToken("subject=ann&role=tenant-admin&tenant=acme");
        String bob = "Bearer " + devToken("subject=bob&tenant=acme");
        String root = "Bearer " + devToken("subject=root&role=platform-admin");

        assertThat(put("/tenant-admin/tenants/acme/roles/billing", "{\"permissions\":[\"invoices:read\"]}", admin)
                .statusCode()).isEqualTo(201);
        assertThat(put("/tenant-admin/tenants/acme/members/bob", "{\"roles\":[\"billing\"]}", admin).statusCode())
                .isEqualTo(201);

        assertThat(send("GET", "/tenants/acme/invoices", "Authorization", bob).statusCode()).isEqualTo(200);
        HttpResponse<String> globex = send("GET", "/tenants/globex/invoices", "Authorization", bob);
        assertThat(globex.statusCode()).isEqualTo(403);
        assertThat(globex.body()).contains("tenant-mismatch");
        assertThat(send("POST", "/tenants/acme/invoices", "Authorization", bob).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/tenants/globex/invoices", "Authorization", root).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/tenant-admin/tenants/globex/roles", "Authorization", admin).statusCode())
                .isEqualTo(403);
    }

    private String devToken(String query) throws IOException, InterruptedException {
        return JsonPath.read(send("POST", "/dev/token?" + query).body(), "$.access_token");
    }

    private HttpResponse<String> put(String path, String json, String authorization)
            throws IOException, InterruptedException {
        return send("PUT", path, HttpRequest.BodyPublishers.ofString(json), "Authorization", authorization,
                "Content-Type", "application/json");
    }

    private HttpResponse<String> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        return send(method, path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body,
            String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
