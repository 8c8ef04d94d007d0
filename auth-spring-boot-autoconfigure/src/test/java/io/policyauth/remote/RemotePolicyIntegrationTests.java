package io.policyauth.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Remote policies end to end: a real server calling a real authorizer on loopback.
 */
@SpringBootTest(classes = RemoteTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"policy-auth.default-policy=gateway", "logging.level.io.policyauth=TRACE"})
@ExtendWith(OutputCaptureExtension.class)
class RemotePolicyIntegrationTests {

    private static final String ALICE_PASSWORD = "alice-Pa55word!";
    private static final TestAuthorizer authorizer = start();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void remotePolicies(DynamicPropertyRegistry registry) throws IOException {
        String refusing = TestAuthorizer.refusingUrl();
        policy(registry, "gateway", "/authorize");
        registry.add("policy-auth.remote.gateway.forward-headers", () -> "X-Tenant, X-Request-Id");
        policy(registry, "exposed", "/authorize");
        registry.add("policy-auth.remote.exposed.expose-reason", () -> "true");
        policy(registry, "admins", "/authorize");
        registry.add("policy-auth.remote.admins.roles", () -> "admin");
        policy(registry, "cached", "/authorize");
        registry.add("policy-auth.remote.cached.cache-ttl", () -> "1m");
        policy(registry, "slow", "/slow");
        registry.add("policy-auth.remote.slow.timeout", () -> "300ms");
        policy(registry, "narrow", "/slow");
        registry.add("policy-auth.remote.narrow.max-concurrent-requests", () -> "1");
        policy(registry, "narrow-body", "/slow");
        registry.add("policy-auth.remote.narrow-body.max-concurrent-requests", () -> "1");
        registry.add("policy-auth.remote.narrow-body.include-body", () -> "true");
        policy(registry, "malformed", "/malformed");
        registry.add("policy-auth.remote.refused.endpoint", () -> refusing);
        registry.add("policy-auth.remote.down.endpoint", () -> refusing);
        policy(registry, "flaky", "/flaky");
        registry.add("policy-auth.remote.flaky.cache-ttl", () -> "1m");
        policy(registry, "body", "/echo");
        registry.add("policy-auth.remote.body.include-body", () -> "true");
        registry.add("policy-auth.remote.body.max-body-size", () -> "32B");
    }

    private static void policy(DynamicPropertyRegistry registry, String name, String path) {
        registry.add("policy-auth.remote." + name + ".endpoint", () -> authorizer.url(path));
        // Generous: the shared build machine can be slow; only the slow policy tests the timeout.
        registry.add("policy-auth.remote." + name + ".timeout", () -> "5s");
    }

    @BeforeEach
    void reset() {
        authorizer.reset();
    }

    @AfterAll
    static void stop() {
        authorizer.close();
    }

    @Test
    void grantInjectsTheUserWithTheAuthorizersRoles() {
        HttpResponse<String> response = get("/gateway", "Authorization", basic("alice", ALICE_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.subject")).isEqualTo("alice");
        assertThat((List<String>) JsonPath.read(response.body(), "$.roles")).containsExactly("reader", "admin");
        assertThat((String) JsonPath.read(response.body(), "$.mechanism")).isEqualTo("remote");
    }

    @Test
    void basicUserAndPasswordArePostedWithMethodAndUri() {
        get("/gateway?page=2", "Authorization", basic("alice", ALICE_PASSWORD));

        TestAuthorizer.Received received = authorizer.last();
        assertThat(received.field("user")).isEqualTo("alice");
        assertThat(received.field("pass")).isEqualTo(ALICE_PASSWORD);
        assertThat(received.field("uri")).isEqualTo("/gateway?page=2");
        assertThat(received.field("method")).isEqualTo("GET");
        assertThat(received.json().has("body")).isFalse();
        assertThat(received.header("Content-Type")).containsExactly("application/json");
    }

    @Test
    void theUriIsThePathAsHandlersMatchedIt() {
        String alice = basic("alice", ALICE_PASSWORD);

        assertThat(get("/%67ateway", "Authorization", alice).statusCode()).isEqualTo(200);
        assertThat(authorizer.last().field("uri")).isEqualTo("/gateway");
        assertThat(get("/gateway;x=1", "Authorization", alice).statusCode()).isEqualTo(200);
        assertThat(authorizer.last().field("uri")).isEqualTo("/gateway");
        assertThat(get("/gate%77ay;a=b?q=%2F&r", "Authorization", alice).statusCode()).isEqualTo(200);
        assertThat(authorizer.last().field("uri")).isEqualTo("/gateway?q=%2F&r");
    }

    @Test
    void bearerCallerIsNamedByTheAuthorizer() {
        HttpResponse<String> response = get("/gateway", "Authorization", "Bearer good-token");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.subject")).isEqualTo("svc-1");
        assertThat(authorizer.last().json().has("user")).isFalse();
        assertThat(authorizer.last().header("Authorization")).containsExactly("Bearer good-token");
    }

    @Test
    void onlyAuthorizationAndListedHeadersAreForwarded() {
        get("/gateway", "Authorization", basic("bob", "bob-password"), "X-Tenant", "acme", "X-Request-Id", "r-1",
                "Cookie", "session=very-secret", "X-Api-Key", "unlisted-key");

        TestAuthorizer.Received received = authorizer.last();
        assertThat(received.header("Authorization")).containsExactly(basic("bob", "bob-password"));
        assertThat(received.header("X-Tenant")).containsExactly("acme");
        assertThat(received.header("X-Request-Id")).containsExactly("r-1");
        assertThat(received.header("Cookie")).isEmpty();
        assertThat(received.header("X-Api-Key")).isEmpty();
        assertThat(received.headers().toString()).doesNotContain("very-secret").doesNotContain("unlisted-key");
    }

    @Test
    void authorizer401Is401WithChallengeAndGenericDetail() {
        HttpResponse<String> response = get("/gateway", "Authorization", basic("eve", "eve-password"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("Basic realm=\"gateway\", charset=\"UTF-8\"");
        assertThat((String) JsonPath.read(response.body(), "$.type"))
                .isEqualTo("urn:policy-auth:problem:unauthenticated");
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("The credentials were not accepted.");
        assertThat(response.body()).doesNotContain("unknown user");
    }

    @Test
    void noCredentialIsAskedAndChallengedForBasic() {
        HttpResponse<String> response = get("/gateway");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("Basic realm=\"gateway\", charset=\"UTF-8\"");
        assertThat(authorizer.calls("/authorize")).isEqualTo(1);
    }

    @Test
    void rejectedBearerTokenIsChallengedAsBearer() {
        HttpResponse<String> response = get("/gateway", "Authorization", "Bearer bad-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"gateway\", error=\"invalid_token\"");
    }

    @Test
    void authorizer403Is403WithReasonHidden() {
        HttpResponse<String> response = get("/gateway", "Authorization", basic("mallory", "mallory-password"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:policy-auth:problem:forbidden");
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("The request is not allowed.");
        assertThat(response.body()).doesNotContain("banned");
    }

    @Test
    void reasonIsShownWithExposeReason() {
        HttpResponse<String> forbidden = get("/exposed", "Authorization", basic("mallory", "mallory-password"));
        HttpResponse<String> unauthenticated = get("/exposed", "Authorization", basic("eve", "eve-password"));

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat((String) JsonPath.read(forbidden.body(), "$.detail")).isEqualTo("mallory is banned");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat((String) JsonPath.read(unauthenticated.body(), "$.detail")).isEqualTo("unknown user");
    }

    @Test
    void policyRolesApplyAfterTheAuthorizerGrants() {
        assertThat(get("/admins", "Authorization", basic("alice", ALICE_PASSWORD)).statusCode()).isEqualTo(200);

        HttpResponse<String> reader = get("/admins", "Authorization", basic("bob", "bob-password"));
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(reader.headers().allValues("WWW-Authenticate")).isEmpty();
    }

    @Test
    void questionsBeyondTheConcurrencyBoundAre503WithoutAsking() throws Exception {
        String alice = basic("alice", ALICE_PASSWORD);
        java.util.concurrent.CompletableFuture<HttpResponse<String>> waiting =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> get("/narrow", "Authorization", alice));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> authorizer.calls("/slow") == 1);

        HttpResponse<String> refused = get("/narrow", "Authorization", basic("bob", "bob-password"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(authorizer.calls("/slow")).isEqualTo(1);
        authorizer.releaseSlow();
        assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    /* A body is read only for a question that may be asked: a client that is slow to send it holds no permit. */
    @Test
    void withIncludeBodyThePermitIsTakenBeforeTheBodyIsRead() throws Exception {
        java.util.concurrent.CompletableFuture<HttpResponse<String>> waiting =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/narrow-body"))
                        .POST(HttpRequest.BodyPublishers.ofString("first")), "Content-Type", "text/plain"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> authorizer.calls("/slow") == 1);

        try (java.net.Socket slowBody = new java.net.Socket("127.0.0.1", port)) {
            slowBody.setSoTimeout(5_000);
            slowBody.getOutputStream().write(("POST /narrow-body HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    + "text/plain\r\nContent-Length: 100\r\n\r\ns").getBytes(StandardCharsets.US_ASCII));
            String status = new String(slowBody.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 503");
        }
        authorizer.releaseSlow();
        assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void slowAuthorizerIs503WithRetryAfterBeforeItAnswers() {
        HttpResponse<String> response = get("/slow", "Authorization", basic("alice", ALICE_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(authorizer.slowReleased()).as("answered before the authorizer did").isFalse();
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:policy-auth:problem:unavailable");
    }

    @Test
    void malformedAnswerIs503() {
        HttpResponse<String> response = get("/malformed", "Authorization", basic("alice", ALICE_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("nope").doesNotContain("127.0.0.1");
    }

    @Test
    void refusedConnectionIs503() {
        HttpResponse<String> response = get("/refused", "Authorization", basic("alice", ALICE_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("127.0.0.1").doesNotContain("Connect");
    }

    @Test
    void anAuthorizerThatIsDownIsNamedInOneWarningNotOnePerRequest(CapturedOutput output) {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/down", "Authorization", basic("alice", ALICE_PASSWORD)).statusCode()).isEqualTo(503);
        }

        assertThat(output.getAll()).containsOnlyOnce("policy-auth: the remote authorizer of policy 'down' at "
                + "http://127.0.0.1:").contains("cannot be used (connection refused)");
    }

    @Test
    void cachedAnswerIsReusedWithoutASecondCall() {
        String alice = basic("alice", ALICE_PASSWORD);
        assertThat(get("/cached", "Authorization", alice).statusCode()).isEqualTo(200);
        HttpResponse<String> again = get("/cached", "Authorization", alice);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(again.body(), "$.roles")).containsExactly("reader", "admin");
        assertThat(authorizer.calls("/authorize")).isEqualTo(1);

        // Another credential is another entry.
        assertThat(get("/cached", "Authorization", basic("mallory", "x")).statusCode()).isEqualTo(403);
        assertThat(get("/cached", "Authorization", basic("mallory", "x")).statusCode()).isEqualTo(403);
        assertThat(authorizer.calls("/authorize")).isEqualTo(2);
    }

    @Test
    void unavailableAnswerIsNeverCached() {
        String alice = basic("alice", ALICE_PASSWORD);
        assertThat(get("/flaky", "Authorization", alice).statusCode()).isEqualTo(503);
        assertThat(get("/flaky", "Authorization", alice).statusCode()).isEqualTo(200);
        assertThat(get("/flaky", "Authorization", alice).statusCode()).isEqualTo(200);

        assertThat(authorizer.calls("/flaky")).isEqualTo(2);
    }

    @Test
    void bodyIsSentWhenIncludedAndStillReachesTheHandler() {
        HttpResponse<String> response = post("/body", "application/json", "{\"amount\":5}",
                "Authorization", basic("alice", ALICE_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.handlerSaw")).isEqualTo("{\"amount\":5}");
        assertThat(authorizer.last().field("body")).isEqualTo("{\"amount\":5}");
        assertThat(authorizer.last().field("method")).isEqualTo("POST");
    }

    @Test
    void formBodyIsSentAndItsParametersStillReachTheHandler() {
        HttpResponse<String> response = post("/form", "application/x-www-form-urlencoded", "amount=7",
                "Authorization", basic("alice", ALICE_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.amount")).isEqualTo("7");
        assertThat(authorizer.last().field("body")).isEqualTo("amount=7");
    }

    @Test
    void bodyLargerThanTheLimitIsRefusedWithoutAsking() {
        HttpResponse<String> response = post("/body", "application/json", "{\"amount\":5, \"note\":\"far too long\"}",
                "Authorization", basic("alice", ALICE_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(authorizer.calls("/echo")).isZero();
    }

    @Test
    void multipartBodyIsRefusedWithoutAskingSinceItCannotBeCopied() {
        String multipart = "--b\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n7\r\n--b--\r\n";
        for (String type : new String[] {"multipart/form-data; boundary=b", "Multipart/Form-Data; boundary=b"}) {
            HttpResponse<String> response = post("/form-any", type, multipart,
                    "Authorization", basic("alice", ALICE_PASSWORD));

            assertThat(response.statusCode()).isEqualTo(415);
        }
        assertThat(authorizer.calls("/echo")).isZero();
    }

    @Test
    void mixedCaseFormIsSentAsReceivedAndTheHandlerReadsTheSameBytes() {
        HttpResponse<String> response = post("/form-any?origin=query", "Application/X-WWW-Form-Urlencoded",
                "amount=7&note=a+b%21", "Authorization", basic("alice", ALICE_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(authorizer.last().field("body")).isEqualTo("amount=7&note=a+b%21");
        assertThat((String) JsonPath.read(response.body(), "$.amount")).isEqualTo("7");
        assertThat((String) JsonPath.read(response.body(), "$.note")).isEqualTo("a b!");
        assertThat((String) JsonPath.read(response.body(), "$.origin")).isEqualTo("query");
    }

    @Test
    void bodyIsDecodedWithItsDeclaredCharset() {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = postBytes("/body", "text/plain; charset=ISO-8859-1", latin1,
                "Authorization", basic("alice", ALICE_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(authorizer.last().field("body")).isEqualTo("caf\u00e9");
        assertThat((String) JsonPath.read(response.body(), "$.handlerSaw")).isEqualTo("caf\u00e9");
    }

    @Test
    void bodyThatIsNotTextInItsCharsetIsRefusedWithoutAsking() {
        byte[] notUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(postBytes("/body", "application/json", notUtf8, "Authorization", basic("alice", ALICE_PASSWORD))
                .statusCode()).isEqualTo(415);
        assertThat(postBytes("/body", "text/plain; charset=x-no-such-charset", new byte[] {'a'},
                "Authorization", basic("alice", ALICE_PASSWORD)).statusCode()).isEqualTo(415);
        assertThat(authorizer.calls("/echo")).isZero();
    }

    @Test
    void credentialsNeverReachTheClientOrTheLogs(CapturedOutput output) {
        String[] paths = {"/gateway", "/exposed", "/slow", "/malformed", "/refused", "/cached"};
        for (String path : paths) {
            HttpResponse<String> response = get(path, "Authorization", basic("eve", ALICE_PASSWORD),
                    "X-Tenant", "tenant-secret-value");
            assertThat(response.body()).doesNotContain(ALICE_PASSWORD).doesNotContain("tenant-secret-value");
            assertThat(response.headers().map().toString()).doesNotContain(ALICE_PASSWORD);
        }
        String encoded = Base64.getEncoder().encodeToString(("eve:" + ALICE_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(output.getAll()).doesNotContain(ALICE_PASSWORD).doesNotContain(encoded)
                .doesNotContain("tenant-secret-value");
    }

    private static TestAuthorizer start() {
        try {
            return new TestAuthorizer();
        }
        catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String basic(String user, String pass) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    private HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    private HttpResponse<String> postBytes(String path, String contentType, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        // A bound on the test itself: a policy that never answered would otherwise hang the build.
        request.timeout(Duration.ofSeconds(20));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
