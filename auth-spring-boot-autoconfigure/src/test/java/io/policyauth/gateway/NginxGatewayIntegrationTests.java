package io.policyauth.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.policyauth.core.CertificateThumbprint;
import io.policyauth.jwt.JwtAttacks;
import io.policyauth.jwt.dpop.DpopClientKey;
import io.policyauth.network.TlsTestKeys;
import io.policyauth.web.TestInstances;

/**
 * The repository's {@code gateway/nginx.conf} with a real nginx in front of a Python
 * {@code http.server} service, policy-auth deciding through {@code auth_request}. Skipped, saying
 * so, where nginx is not installed ({@code .ci/run} installs it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxGatewayIntegrationTests {

    private static final TestInstances instances = new TestInstances();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static NginxProcess nginx;
    private static int policyAuthPort;

    @TempDir
    static Path workDir;

    @BeforeAll
    static void start() throws Exception {
        Path binary = NginxProcess.binary().orElse(null);
        assumeTrue(binary != null, "nginx is not installed: the nginx gateway tests are skipped "
                + "(.ci/run installs Debian's nginx)");
        ConfigurableApplicationContext context = instances.start(GatewayTestApplication.class,
                GatewayTestApplication.PROPERTIES);
        policyAuthPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        nginx = NginxProcess.start(binary, NginxProcess.EXAMPLE, policyAuthPort, workDir);
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        instances.close();
    }

    private static String token(String subject, List<String> scopes, List<String> roles) {
        return GatewayEndpointsIntegrationTests.token(subject, scopes, roles);
    }

    @Test
    void aTokenReachesTheServiceWithTheIdentityItGranted() throws Exception {
        HttpResponse<String> response = send("POST", "/orders/9?rush=1", "Authorization",
                "Bearer " + token("alice", List.of("orders:write"), List.of("buyer", "admin")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstream(response, "$.path")).isEqualTo("/orders/9?rush=1");
        assertThat(upstreamHeader(response, "x-auth-subject")).containsExactly("alice");
        assertThat(upstreamHeader(response, "x-auth-scopes")).containsExactly("orders:write");
        assertThat(upstreamHeader(response, "x-auth-roles")).containsExactly("buyer,admin");
        assertThat(upstreamHeader(response, "x-auth-policy")).containsExactly("private");
        assertThat(upstreamHeader(response, "x-auth-mechanism")).containsExactly("jwt");
        assertThat(upstreamHeader(response, "x-auth-issuer")).containsExactly("gateway-test");
    }

    @Test
    void aTenantRouteAdmitsItsTenantOnlyAndPassesThePermissionsUpstream() throws Exception {
        String acme = "Bearer " + GatewayEndpointsIntegrationTests.token("bob", List.of(), List.of("billing"),
                "acme");

        HttpResponse<String> own = send("GET", "/orgs/acme/invoices", "Authorization", acme);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(upstreamHeader(own, "x-auth-tenant")).containsExactly("acme");
        assertThat(upstreamHeader(own, "x-auth-permissions")).containsExactly("invoices:read");
        // auth_request passes the status, not policy-auth's body: nginx answers its own 403 problem.
        HttpResponse<String> other = send("GET", "/orgs/globex/invoices", "Authorization", acme);
        assertThat(other.statusCode()).isEqualTo(403);
        assertProblem(other, 403, "forbidden");
        assertThat(send("GET", "/orgs/acme/invoices", "Authorization", "Bearer " + token("eve", List.of(),
                List.of("billing"))).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutATokenNginxAnswers401WithPolicyAuthsChallenge() throws Exception {
        HttpResponse<String> response = send("GET", "/orders/9");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).singleElement().satisfies(value ->
                assertThat(value).startsWith("Bearer"));
        assertProblem(response, 401, "unauthenticated");
        HttpResponse<String> scopeless = send("POST", "/orders/9", "Authorization",
                "Bearer " + token("bob", List.of("orders:read"), List.of()));
        assertThat(scopeless.statusCode()).isEqualTo(403);
        assertThat(scopeless.headers().allValues("WWW-Authenticate")).singleElement().satisfies(value ->
                assertThat(value).contains("insufficient_scope"));
        assertProblem(scopeless, 403, "forbidden");
    }

    @Test
    void refusalsReachTheClientAsProblemDetailsNeverAsNginxPages() throws Exception {
        HttpResponse<String> internal = send("GET", "/ops/health");
        assertThat(internal.statusCode()).isEqualTo(403);
        assertThat(internal.headers().allValues("WWW-Authenticate")).isEmpty();
        assertProblem(internal, 403, "forbidden");
        HttpResponse<String> unavailable = send("GET", "/flaky/x");
        assertProblem(unavailable, 503, "unavailable");
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("7");
        assertProblem(send("GET", "/public/%2e%2e/orders/1"), 400, "bad-request");
        // The service's own refusals are its own: nginx passes them untouched.
        HttpResponse<String> own = send("GET", "/public/status/401");
        assertThat(own.statusCode()).isEqualTo(401);
        assertThat(own.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).doesNotContain("problem"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:policy-auth:problem:" + type);
    }

    @Test
    void anApiKeyRouteAndAPublicRoute() throws Exception {
        assertThat(send("GET", "/reports/weekly", "X-API-KEY", GatewayTestApplication.SHARED_KEY).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/reports/weekly", "X-API-KEY", "wrong-key-0123456789").statusCode())
                .isEqualTo(401);
        HttpResponse<String> open = send("GET", "/public/logo.png");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(upstreamHeader(open, "x-auth-policy")).containsExactly("public");
    }

    @Test
    void forgedIdentityHeadersNeverReachTheService() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/public/x", "X-Auth-Subject", "admin", "X-Auth-Roles", "admin",
                "X-Auth-Issuer", "https://idp.example", "X-Auth-Mechanism", "jwt", "Forwarded", "for=10.0.0.1");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(upstreamHeader(anonymous, "x-auth-issuer")).isEmpty();
        assertThat(upstreamHeader(anonymous, "x-auth-mechanism")).isEmpty();
        assertThat(upstreamHeader(anonymous, "x-auth-subject")).isEmpty();
        assertThat(upstreamHeader(anonymous, "x-auth-roles")).isEmpty();
        assertThat(upstreamHeader(anonymous, "forwarded")).isEmpty();

        HttpResponse<String> alice = send("GET", "/orders/1", "Authorization",
                "Bearer " + token("alice", List.of(), List.of()), "X-Auth-Subject", "admin");
        assertThat(upstreamHeader(alice, "x-auth-subject")).containsExactly("alice");
    }

    @Test
    void internalSeesTheAddressNginxSawNotOneTheClientClaims() throws Exception {
        // The route allows 10.0.0.0/8; the client is on loopback and says otherwise.
        assertThat(send("GET", "/ops/health").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/ops/health", "X-Forwarded-For", "10.1.2.3").statusCode()).isEqualTo(403);
    }

    @Test
    void undecidableAndAmbiguousRequestsKeepTheirStatus() throws Exception {
        HttpResponse<String> unavailable = send("GET", "/flaky/x");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(send("GET", "/public/%2e%2e/orders/1").statusCode()).isEqualTo(400);
    }

    /* nginx forwards these raw in X-Original-URI; the upstream would read '/ops' or drop the dot. */
    @Test
    void aFragmentOrATrailingDotNeverSkipsARoute() throws Exception {
        String bob = "Bearer " + token("bob", List.of(), List.of());
        assertThat(rawStatus("GET /ops# HTTP/1.1")).isEqualTo(400);
        assertThat(rawStatus("GET /ops#x HTTP/1.1", "Authorization: " + bob)).isEqualTo(400);
        assertThat(rawStatus("POST /orders# HTTP/1.1", "Authorization: " + bob, "Content-Length: 0"))
                .isEqualTo(400);
        assertThat(rawStatus("GET /ops. HTTP/1.1", "Authorization: " + bob)).isEqualTo(400);
        assertThat(rawStatus("GET /ops%20 HTTP/1.1", "Authorization: " + bob)).isEqualTo(400);
        assertThat(rawStatus("GET /ops%2e/health HTTP/1.1", "Authorization: " + bob)).isEqualTo(400);
        assertThat(rawStatus("GET /OPS HTTP/1.1")).isEqualTo(401);
        assertThat(rawStatus("GET /public/x HTTP/1.1")).isEqualTo(200);
    }

    /* For an upstream that routes regardless of case, /OPS must take the /ops/** route. */
    @Test
    void withCaseInsensitivePathsAnUpperCasePathTakesItsRoute(@TempDir Path ownDir) throws Exception {
        try (TestInstances lenient = new TestInstances()) {
            String[] properties = Arrays.copyOf(GatewayTestApplication.PROPERTIES,
                    GatewayTestApplication.PROPERTIES.length + 1);
            properties[properties.length - 1] = "policy-auth.gateway.case-insensitive-paths=true";
            ConfigurableApplicationContext context = lenient.start(GatewayTestApplication.class, properties);
            NginxProcess second = NginxProcess.start(NginxProcess.binary().orElseThrow(), NginxProcess.EXAMPLE,
                    ((WebServerApplicationContext) context).getWebServer().getPort(), ownDir);
            try {
                String bob = "Authorization: Bearer " + token("bob", List.of(), List.of());
                assertThat(rawStatus(second.port(), "GET /OPS/health HTTP/1.1", bob)).isEqualTo(403);
                assertThat(rawStatus(second.port(), "GET /Public/x HTTP/1.1")).isEqualTo(200);
                assertThat(rawStatus(nginx.port(), "GET /OPS/health HTTP/1.1", bob)).isEqualTo(200);
            }
            finally {
                second.close();
            }
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void withPolicyAuthStoppedNginxAnswersWithAnErrorNeverAGrant() throws Exception {
        instances.close();

        for (String path : new String[] {"/public/x", "/orders/1"}) {
            assertThat(send("GET", path).statusCode()).isEqualTo(500);
        }
    }

    /*
     * A token bound to a certificate, and that certificate in the header policy-auth believes from
     * nginx: asked directly, as nginx asks, it passes; sent by a client through nginx, the example's
     * configuration replaces the header with the TLS connection's (none here), and it does not.
     */
    @Test
    void aClientCannotSendItsOwnCertificateHeaderThroughNginx() throws Exception {
        X509Certificate certificate = TlsTestKeys.make(workDir.resolve("keys"), "client").certificate("client");
        String bound = "Bearer " + new JwtAttacks(GatewayTestApplication.SECRET.getBytes(StandardCharsets.UTF_8),
                "gateway-test", "fleet").validWith(claims -> claims.claim("scope", "orders:write").claim("cnf",
                        Map.of("x5t#S256", CertificateThumbprint.sha256(certificate))));
        String forged = TlsTestKeys.escaped(certificate);

        HttpResponse<String> asNginxAsks = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + policyAuthPort + "/authz/nginx")).header("X-Original-Method", "POST")
                .header("X-Original-URI", "/orders/9").header("Authorization", bound)
                .header("X-SSL-Client-Cert", forged).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asNginxAsks.statusCode()).isEqualTo(204);
        assertThat(send("POST", "/orders/9", "Authorization", bound, "X-SSL-Client-Cert", forged).statusCode())
                .isEqualTo(401);
    }

    /* auth_request turns any other status into 500: the example answers policy-auth's 429 with its headers. */
    @Test
    void aCallerUnderARateLimitLearnsWhatIsLeftAndOverItGets429WithTheHeadersThroughNginx() throws Exception {
        String token = "Bearer " + token("rita", List.of(), List.of());
        HttpResponse<String> admitted = send("GET", "/limited/report", "Authorization", token);
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.headers().firstValue("RateLimit")).as("what is left, on the admitted answer")
                .hasValue("\"once\";r=0;t=3600");
        assertThat(admitted.headers().firstValue("RateLimit-Policy")).hasValue("\"once\";q=1;w=3600");
        assertThat(send("GET", "/public/page").headers().firstValue("RateLimit")).as("not under a limit")
                .isEmpty();

        HttpResponse<String> limited = send("GET", "/limited/report", "Authorization", token);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertProblem(limited, 429, "rate-limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(limited.headers().firstValue("RateLimit-Policy")).hasValue("\"once\";q=1;w=3600");
        assertThat(limited.headers().firstValue("RateLimit")).hasValue("\"once\";r=0;t=3600");
    }

    /* nginx terminates TLS and passes the client certificate on: a token bound to it passes with it alone. */
    @Test
    void aCertificateBoundTokenPassesThroughNginxTerminatingTlsWithItsCertificateOnly(@TempDir Path ownDir)
            throws Exception {
        TlsTestKeys keys = TlsTestKeys.make(ownDir.resolve("keys"), "client", "other");
        Path conf = ownDir.resolve("nginx-tls.conf");
        Files.writeString(conf, Files.readString(NginxProcess.EXAMPLE).replace("listen 127.0.0.1:8000;",
                "listen 127.0.0.1:8000 ssl;\n        ssl_certificate " + keys.pem("server") + ";\n"
                        + "        ssl_certificate_key " + keys.privateKeyPem("server") + ";\n"
                        + "        ssl_verify_client optional_no_ca;"));
        Path run = Files.createDirectories(ownDir.resolve("run"));
        try (NginxProcess tls = NginxProcess.start(NginxProcess.binary().orElseThrow(), conf, policyAuthPort, run)) {
            String thumbprint = CertificateThumbprint.sha256(keys.certificate("client"));
            String bound = "Bearer " + new JwtAttacks(GatewayTestApplication.SECRET.getBytes(StandardCharsets.UTF_8),
                    "gateway-test", "fleet").validWith(claims -> claims.claim("scope", "orders:write")
                            .claim("cnf", Map.of("x5t#S256", thumbprint)));
            URI orders = URI.create("https://127.0.0.1:" + tls.port() + "/orders/9");

            assertThat(post(keys.client("client"), orders, bound).statusCode()).isEqualTo(200);
            assertThat(post(keys.client("other"), orders, bound).statusCode()).as("another certificate")
                    .isEqualTo(401);
            assertThat(post(keys.client(null), orders, bound).statusCode()).as("no certificate").isEqualTo(401);
        }
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, String authorization) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    /* nginx passes the proof, the scheme and host the client called, and the nonce policy-auth asks for. */
    @Test
    void aDpopProofNamesTheUrlTheClientCalledAndItsNonceReachesTheClient(@TempDir Path ownDir) throws Exception {
        try (TestInstances dpop = new TestInstances()) {
            String[] properties = Arrays.copyOf(GatewayTestApplication.PROPERTIES,
                    GatewayTestApplication.PROPERTIES.length + 2);
            properties[properties.length - 2] = "policy-auth.jwt.dpop.mode=required";
            properties[properties.length - 1] = "policy-auth.jwt.dpop.nonce=true";
            ConfigurableApplicationContext context = dpop.start(GatewayTestApplication.class, properties);
            NginxProcess second = NginxProcess.start(NginxProcess.binary().orElseThrow(), NginxProcess.EXAMPLE,
                    ((WebServerApplicationContext) context).getWebServer().getPort(), ownDir);
            try {
                DpopClientKey key = new DpopClientKey();
                String token = new JwtAttacks(GatewayTestApplication.SECRET.getBytes(StandardCharsets.UTF_8),
                        "gateway-test", "fleet").validWith(claims -> claims.claim("scope", "orders:write")
                                .claim("cnf", Map.of("jkt", key.thumbprint())));
                String url = "http://127.0.0.1:" + second.port() + "/orders/9";

                HttpResponse<String> asked = send(second, "POST", "/orders/9", "Authorization", "DPoP " + token,
                        "DPoP", key.proof("POST", url, token));
                assertThat(asked.statusCode()).isEqualTo(401);
                assertThat(asked.headers().firstValue("WWW-Authenticate")).get().asString()
                        .startsWith("DPoP error=\"use_dpop_nonce\"");
                String nonce = asked.headers().firstValue("DPoP-Nonce").orElseThrow();

                assertThat(send(second, "POST", "/orders/9?rush=1", "Authorization", "DPoP " + token, "DPoP",
                        key.proof("POST", url, token, claims -> claims.claim("nonce", nonce), header -> { }))
                        .statusCode()).isEqualTo(200);
                assertThat(send(second, "POST", "/orders/10", "Authorization", "DPoP " + token, "DPoP",
                        key.proof("POST", url, token, claims -> claims.claim("nonce", nonce), header -> { }))
                        .statusCode()).as("a proof for another URL").isEqualTo(401);
            }
            finally {
                second.close();
            }
        }
    }

    private static HttpResponse<String> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        return send(nginx, method, path, headers);
    }

    private static HttpResponse<String> send(NginxProcess to, String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /* Sends a request line exactly as written: an HTTP client library would drop a fragment. */
    private static int rawStatus(String requestLine, String... headers) throws IOException {
        return rawStatus(nginx.port(), requestLine, headers);
    }

    private static int rawStatus(int port, String requestLine, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static String upstream(HttpResponse<String> response, String path) {
        return JsonPath.read(response.body(), path);
    }

    private static List<String> upstreamHeader(HttpResponse<String> response, String name) {
        Map<String, List<String>> headers = JsonPath.read(response.body(), "$.headers");
        return headers.getOrDefault(name, List.of());
    }
}
