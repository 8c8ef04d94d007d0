package io.policyauth.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.Outcome;
import io.policyauth.jwt.NimbusTokenIssuer;
import io.policyauth.jwt.TokenSettings;
import io.policyauth.remote.TestAuthorizer;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.PolicyMap;
import io.policyauth.web.PolicySource;
import io.policyauth.web.TestInstances;

/**
 * The three authorization endpoints over HTTP, as nginx, Envoy and a KX Service Gateway call them.
 * Envoy is not packaged here, so its {@code ext_authz} HTTP contract is tested at this level.
 */
class GatewayEndpointsIntegrationTests {

    private static final TestInstances instances = new TestInstances();
    private static ConfigurableApplicationContext context;
    private static HttpTestClient client;
    private static int port;
    private static TestAuthorizer authorizer;

    @BeforeAll
    static void start() throws IOException {
        authorizer = new TestAuthorizer();
        List<String> properties = new ArrayList<>(List.of(GatewayTestApplication.PROPERTIES));
        properties.addAll(List.of("policy-auth.remote.bodies.endpoint=" + authorizer.url("/authorize"),
                "policy-auth.remote.bodies.include-body=true",
                "policy-auth.gateway.routes[7].pattern=/queries/**", "policy-auth.gateway.routes[7].policy=bodies"));
        context = instances.start(GatewayTestApplication.class, properties.toArray(String[]::new));
        client = TestInstances.client(context);
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        instances.close();
        authorizer.close();
    }

    static String token(String subject, List<String> scopes, List<String> roles) {
        return token(subject, scopes, roles, null);
    }

    static String token(String subject, List<String> scopes, List<String> roles, @Nullable String tenant) {
        return NimbusTokenIssuer.withSecret(GatewayTestApplication.SECRET.getBytes(StandardCharsets.UTF_8),
                JWSAlgorithm.HS256, TokenSettings.of("gateway-test", List.of("fleet"), null, null))
                .createToken(subject, scopes, roles, tenant);
    }

    private static HttpResponse<String> nginx(String method, String uri, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "X-Original-Method";
        all[1] = method;
        all[2] = "X-Original-URI";
        all[3] = uri;
        System.arraycopy(headers, 0, all, 4, headers.length);
        return client.get("/authz/nginx", all);
    }

    @Test
    void nginxGrantIs204WithTheIdentityHeaders() {
        HttpResponse<String> granted = nginx("POST", "/orders/42?draft=true", "Authorization",
                "Bearer " + token("alice", List.of("orders:write", "orders:read"), List.of("buyer", "admin")));

        assertThat(granted.statusCode()).isEqualTo(204);
        assertThat(granted.headers().firstValue("X-Auth-Subject")).hasValue("alice");
        assertThat(granted.headers().firstValue("X-Auth-Scopes")).hasValue("orders:write orders:read");
        assertThat(granted.headers().firstValue("X-Auth-Roles")).hasValue("buyer,admin");
        assertThat(granted.headers().firstValue("X-Auth-Policy")).hasValue("private");
        assertThat(granted.headers().firstValue("X-Auth-Mechanism")).hasValue("jwt");
        assertThat(granted.headers().firstValue("X-Auth-Issuer")).hasValue("gateway-test");
        AuthDecisionEvent decision = lastDecision();
        assertThat(decision.method()).isEqualTo("POST");
        assertThat(decision.path()).isEqualTo("/orders/42");
        assertThat(decision.outcome()).isEqualTo(Outcome.GRANTED);
        HttpResponse<String> keyed = nginx("GET", "/reports/daily", "X-API-KEY", GatewayTestApplication.SHARED_KEY);
        assertThat(keyed.headers().firstValue("X-Auth-Mechanism")).hasValue("shared_api_key");
        assertThat(keyed.headers().firstValue("X-Auth-Issuer")).isEmpty();
    }

    @Test
    void nginxDenialsCarryTheWebLayersChallenges() {
        HttpResponse<String> missing = nginx("GET", "/anything");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Bearer"));

        HttpResponse<String> scopeless = nginx("POST", "/orders/1", "Authorization",
                "Bearer " + token("bob", List.of("orders:read"), List.of()));
        assertThat(scopeless.statusCode()).isEqualTo(403);
        assertThat(scopeless.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"orders:write\"");
        assertThat(scopeless.headers().firstValue("X-Auth-Subject")).isEmpty();
    }

    @Test
    void gatewayRoutesChooseThePolicy() {
        HttpResponse<String> open = nginx("GET", "/public/logo.png");
        assertThat(open.statusCode()).isEqualTo(204);
        assertThat(open.headers().firstValue("X-Auth-Policy")).hasValue("public");
        assertThat(open.headers().firstValue("X-Auth-Subject")).isEmpty();

        assertThat(nginx("GET", "/reports/weekly", "X-API-KEY", GatewayTestApplication.SHARED_KEY).statusCode())
                .isEqualTo(204);
        assertThat(nginx("GET", "/reports/weekly", "X-API-KEY", "wrong-key-0123456789").statusCode())
                .isEqualTo(401);
        // GET /orders is not the POST rule's: the default policy, private.
        assertThat(nginx("GET", "/orders/1").statusCode()).isEqualTo(401);
    }

    @Test
    void internalSeesTheClientAddressThatTheTrustedProxyForwards() {
        assertThat(nginx("GET", "/ops/health", "X-Forwarded-For", "10.1.2.3").statusCode()).isEqualTo(204);
        assertThat(nginx("GET", "/ops/health", "X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(403);
    }

    @Test
    void anUndecidableRequestIs503WithRetryAfter() {
        HttpResponse<String> unavailable = nginx("GET", "/flaky/x");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/public/../orders", "/public/%2e%2e/orders", "/public/%2E./orders", "/public/..;/orders",
        "/public/.;x/orders", "/public%2forders", "/public%5Corders", "/public\\orders", "/public//orders",
        "/public/%zz", "/public/%c0%ae", "/public/%00", "/public/%0d%0aX: y", "/public/;x", "relative/path"})
    void ambiguousPathsAreRefusedUndecided(String uri) {
        int decisionsBefore = context.getBean(GatewayTestApplication.class).decisions.size();
        double rejectedBefore = rejected();

        HttpResponse<String> refused = nginx("GET", uri);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("urn:policy-auth:problem:ambiguous-request");
        assertThat(context.getBean(GatewayTestApplication.class).decisions).hasSize(decisionsBefore);
        assertThat(rejected()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void anUnambiguousPathIsDecodedOnceAndMatchedAsTheWebLayerMatches() {
        assertThat(nginx("GET", "/%70ublic/a%20b.txt").statusCode()).isEqualTo(204);
        assertThat(lastDecision().path()).isEqualTo("/public/a b.txt");
        // Decoded once: %2570 is "%70" literally, not "p", so /public/** does not match.
        assertThat(nginx("GET", "/%2570ublic/x").statusCode()).isEqualTo(401);
    }

    @Test
    void withoutTheOriginalRequestNothingIsDecided() {
        assertThat(client.get("/authz/nginx").statusCode()).isEqualTo(400);
        assertThat(client.get("/authz/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void envoyGrantIs200WithTheIdentityHeadersForTheOriginalPath() {
        HttpResponse<String> granted = client.send("POST", "/authz/envoy/orders/7?x=1", "Authorization",
                "Bearer " + token("carol", List.of("orders:write"), List.of()));

        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.headers().firstValue("X-Auth-Subject")).hasValue("carol");
        assertThat(lastDecision().path()).isEqualTo("/orders/7");
        assertThat(lastDecision().method()).isEqualTo("POST");
    }

    @Test
    void envoyDenialIsTheFullProblem() {
        HttpResponse<String> denied = client.send("POST", "/authz/envoy/orders/7");

        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(denied.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(denied.body()).contains("\"status\":401").contains("\"policy\":\"private\"");
    }

    @Test
    void envoyPathsAreCheckedRawAsTheyArrive() throws IOException {
        assertThat(rawStatus("GET /authz/envoy/public/%2e%2e/orders HTTP/1.1")).isEqualTo(400);
        assertThat(rawStatus("GET /authz/envoy/public/..;/orders HTTP/1.1")).isEqualTo(400);
        assertThat(rawStatus("GET /authz/envoy/public/ok HTTP/1.1")).isEqualTo(200);
    }

    @Test
    void kxHttpClientsSendTheirAuthorizationHeader() {
        HttpResponse<String> granted = client.postJson("/authz/kx",
                "{\"uri\":\"/orders/1\",\"method\":\"POST\",\"body\":\"\"}", "Authorization",
                "Bearer " + token("dora", List.of("orders:write"), List.of("trader", "viewer")));

        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).isEqualTo("{\"roles\":[\"trader\",\"viewer\"]}");
        assertThat(lastDecision().path()).isEqualTo("/orders/1");
    }

    @Test
    void kxIpcClientsPutATokenOrAKeyInThePassword() {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("dora:" + token("dora", List.of(),
                List.of("trader"))).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> connection = client.postJson("/authz/kx", "{\"user\":\"dora\",\"pass\":\""
                + token("dora", List.of(), List.of("trader")) + "\"}", "Authorization", basic);
        assertThat(connection.statusCode()).isEqualTo(200);
        assertThat(connection.body()).isEqualTo("{\"roles\":[\"trader\"]}");
        assertThat(lastDecision().policy()).isEqualTo("private");

        HttpResponse<String> keyed = client.postJson("/authz/kx", "{\"user\":\"svc\",\"pass\":\""
                + GatewayTestApplication.SHARED_KEY + "\",\"uri\":\"/reports/daily\",\"method\":\"GET\"}");
        assertThat(keyed.statusCode()).isEqualTo(200);
        assertThat(lastDecision().policy()).isEqualTo("shared_api_key");
    }

    @Test
    void kxBelievesUserOnlyWhenTheTokenInPassIsTheirs() {
        String alice = token("alice", List.of(), List.of("trader"));
        HttpResponse<String> impostor = client.postJson("/authz/kx", "{\"user\":\"admin\",\"pass\":\"" + alice
                + "\",\"uri\":\"/orders/1\",\"method\":\"GET\"}");
        assertThat(impostor.statusCode()).isEqualTo(403);
        assertThat(impostor.body()).startsWith("{\"error\":");
        assertThat(client.postJson("/authz/kx", "{\"user\":\"alice\",\"pass\":\"" + alice + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(client.postJson("/authz/kx", "{\"pass\":\"" + alice + "\"}").statusCode()).isEqualTo(200);
        // A key names no user: the KX user is not compared with anything.
        assertThat(client.postJson("/authz/kx", "{\"user\":\"anyone\",\"pass\":\"" + GatewayTestApplication.SHARED_KEY
                + "\",\"uri\":\"/reports/daily\",\"method\":\"GET\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aKxUriWithoutItsMethodIsRefused() {
        String alice = token("alice", List.of(), List.of());
        HttpResponse<String> refused = client.postJson("/authz/kx", "{\"uri\":\"/orders/1\"}", "Authorization",
                "Bearer " + alice);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("method");
    }

    @Test
    void kxRefusalsAreNon200WithAnError() {
        HttpResponse<String> refused = client.postJson("/authz/kx", "{\"user\":\"eve\",\"pass\":\"guess\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).startsWith("{\"error\":\"Authentication required");

        assertThat(client.postJson("/authz/kx", "not json").statusCode()).isEqualTo(400);
        assertThat(client.postJson("/authz/kx", "{\"uri\":42}").statusCode()).isEqualTo(400);
        assertThat(client.postJson("/authz/kx", "{\"uri\":\"/public/../orders\",\"method\":\"GET\"}").body())
                .startsWith("{\"error\":");
        assertThat(client.get("/authz/kx").statusCode()).isEqualTo(405);
    }

    @Test
    void aFragmentOrACharacterNotAllowedRawInAPathIsRefusedOnEveryEndpoint() throws IOException {
        assertThat(nginx("GET", "/ops#").statusCode()).isEqualTo(400);
        assertThat(nginx("POST", "/orders#", "Authorization", "Bearer " + token("bob", List.of(), List.of()))
                .statusCode()).isEqualTo(400);
        assertThat(nginx("GET", "/public/x?q=1#top").statusCode()).isEqualTo(400);
        for (String raw : List.of(" ", "\"", "<", ">", "[", "]", "^", "`", "{", "|", "}")) {
            assertThat(nginx("GET", "/public/a" + raw + "b").statusCode()).as("raw %s", raw).isEqualTo(400);
        }
        assertThat(client.postJson("/authz/kx", "{\"uri\":\"/orders#\",\"method\":\"POST\"}").statusCode())
                .isEqualTo(400);
        // The server itself refuses these in a request line; its 400 is the answer.
        assertThat(rawStatus("GET /authz/envoy/public/a{b} HTTP/1.1")).isEqualTo(400);
        assertThat(rawStatus("GET /authz/envoy/public/a|b HTTP/1.1")).isEqualTo(400);
    }

    @Test
    void aSegmentEndingInADotOrASpaceIsRefused() throws IOException {
        for (String uri : List.of("/ops.", "/ops%20", "/ops%2E", "/ops./health", "/ops%20/health")) {
            assertThat(nginx("GET", uri).statusCode()).as(uri).isEqualTo(400);
        }
        assertThat(rawStatus("GET /authz/envoy/ops%2e HTTP/1.1")).isEqualTo(400);
        assertThat(client.postJson("/authz/kx", "{\"uri\":\"/ops.\",\"method\":\"GET\"}").statusCode())
                .isEqualTo(400);
        assertThat(nginx("GET", "/public/logo.png").statusCode()).isEqualTo(204);
    }

    @Test
    void routesMatchExactlyUnlessCaseInsensitivePathsIsSet() {
        assertThat(nginx("GET", "/PUBLIC/x").statusCode()).isEqualTo(401);
        try (TestInstances others = new TestInstances()) {
            String[] properties = Arrays.copyOf(GatewayTestApplication.PROPERTIES,
                    GatewayTestApplication.PROPERTIES.length + 1);
            properties[properties.length - 1] = "policy-auth.gateway.case-insensitive-paths=true";
            HttpTestClient lenient = TestInstances.client(others.start(GatewayTestApplication.class, properties));
            for (String uri : List.of("/PUBLIC/x", "/Public/x", "/public/x")) {
                assertThat(lenient.get("/authz/nginx", "X-Original-Method", "GET", "X-Original-URI", uri)
                        .statusCode()).as(uri).isEqualTo(204);
            }
            assertThat(lenient.get("/authz/nginx", "X-Original-Method", "GET", "X-Original-URI", "/OPS/health")
                    .statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aPolicyThatDecidesOnTheBodyIsShownTheBodyKxAndEnvoyForward() {
        String good = "Bearer good-token";
        assertThat(client.postJson("/authz/kx", "{\"uri\":\"/queries/1\",\"method\":\"POST\",\"body\":\"select 1\"}",
                "Authorization", good).statusCode()).isEqualTo(200);
        assertThat(authorizer.last().field("body")).isEqualTo("select 1");
        assertThat(client.postJson("/authz/kx", "{\"uri\":\"/queries/1\",\"method\":\"POST\","
                + "\"body\":\"select from secret\"}", "Authorization", good).statusCode()).isEqualTo(403);

        assertThat(client.post("/authz/envoy/queries/1", "select 1", "text/plain", "Authorization", good,
                "x-envoy-auth-partial-body", "false").statusCode()).isEqualTo(200);
        assertThat(authorizer.last().field("body")).isEqualTo("select 1");
        assertThat(client.post("/authz/envoy/queries/1", "select from secret", "text/plain", "Authorization", good,
                "x-envoy-auth-partial-body", "false").statusCode()).isEqualTo(403);
        assertThat(client.post("/authz/envoy/queries/1", "select 1", "text/plain", "Authorization", good,
                "x-envoy-auth-partial-body", "true").statusCode()).isEqualTo(413);
    }

    @Test
    void withoutABodyToShowAPolicyThatDecidesOnItRefusesWithoutAsking() {
        authorizer.reset();
        String good = "Bearer good-token";
        HttpResponse<String> nginx = nginx("POST", "/queries/1", "Authorization", good);
        assertThat(nginx.statusCode()).isEqualTo(403);
        assertThat(lastDecision().reason()).isEqualTo("body_unavailable");
        assertThat(client.postJson("/authz/kx", "{\"uri\":\"/queries/1\",\"method\":\"POST\"}", "Authorization",
                good).statusCode()).isEqualTo(403);
        // Envoy without with_request_body sends no x-envoy-auth-partial-body.
        assertThat(client.post("/authz/envoy/queries/1", "select from secret", "text/plain", "Authorization", good)
                .statusCode()).isEqualTo(403);
        assertThat(lastDecision().reason()).isEqualTo("body_unavailable");
        assertThat(authorizer.calls("/authorize")).isZero();
    }

    @Test
    void thePolicyMapListsTheGatewayEndpoints() {
        assertThat(context.getBean(PolicyMap.class).entries()).filteredOn(entry ->
                entry.source() == PolicySource.GATEWAY).extracting(entry -> entry.method() + " " + entry.pattern())
                .containsExactlyInAnyOrder("* /authz/nginx", "* /authz/envoy/**", "POST /authz/kx");
    }

    @Test
    void aCallerOutsideTheAllowedCallersGets403AndNothingIsDecided() {
        try (TestInstances others = new TestInstances()) {
            String[] properties = Arrays.copyOf(GatewayTestApplication.PROPERTIES,
                    GatewayTestApplication.PROPERTIES.length + 1);
            properties[properties.length - 1] = "policy-auth.gateway.allowed-callers=10.9.0.0/16";
            ConfigurableApplicationContext strict = others.start(GatewayTestApplication.class, properties);
            HttpTestClient strictClient = TestInstances.client(strict);

            HttpResponse<String> refused = strictClient.get("/authz/nginx", "X-Original-Method", "GET",
                    "X-Original-URI", "/public/x");

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("caller-not-allowed");
            assertThat(strict.getBean(GatewayTestApplication.class).decisions).isEmpty();
        }
    }

    @Test
    void aForwardHeadersStrategyThatHidesTheSocketPeerStopsTheStart() {
        try (TestInstances others = new TestInstances()) {
            if ("reactive".equals(System.getProperty(TestInstances.STACK))) {
                // WebFlux replaces the peer address before any filter: no way to see the socket peer.
                assertThat(catchThrowable(() -> others.start(GatewayTestApplication.class,
                        withProperties("server.forward-headers-strategy=framework"))))
                        .rootCause().hasMessageContaining("server.forward-headers-strategy=framework");
            }
            assertThat(catchThrowable(() -> others.start(GatewayTestApplication.class,
                    withProperties("server.forward-headers-strategy=native"))))
                    .rootCause().hasMessageContaining("server.forward-headers-strategy=native");
        }
    }

    private static String[] withProperties(String... more) {
        List<String> properties = new ArrayList<>(List.of(GatewayTestApplication.PROPERTIES));
        properties.addAll(List.of(more));
        return properties.toArray(String[]::new);
    }

    private static AuthDecisionEvent lastDecision() {
        List<AuthDecisionEvent> decisions = context.getBean(GatewayTestApplication.class).decisions;
        return decisions.get(decisions.size() - 1);
    }

    private static double rejected() {
        return context.getBean(MeterRegistry.class).find(GatewayEndpoints.REJECTED).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    /* Sends a request line exactly as written: an HTTP client library would normalise it. */
    private static int rawStatus(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
