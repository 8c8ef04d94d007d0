package io.policyauth.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.apikey.IssuedApiKey;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.jwt.JwtAttacks;
import io.policyauth.jwt.dpop.DpopClientKey;
import io.policyauth.jwt.TokenIssuer;
import io.policyauth.remote.TestAuthorizer;

/**
 * One application, one configuration, two stacks: the same requests are sent to it running on
 * Spring MVC (Tomcat) and on WebFlux (Reactor Netty), and every answer must match, status,
 * challenge, {@code Retry-After}, the identity and {@code RateLimit} headers and body. Each case
 * also states the status it must get, so two stacks that are wrong alike still fail. Then both
 * must have counted and audited the same decisions, and published the same policies in their
 * OpenAPI documents.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackParityTests {

    private static final String SHARED_KEY = "parity-shared-key-0123456789";
    /* What the test authorizer grants. */
    private static final String GOOD = "Bearer good-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MongoServer mongo;
    private static TestAuthorizer authorizer;
    private static JwkSetIssuer idp;
    private static ConfigurableApplicationContext servlet;
    private static ConfigurableApplicationContext reactive;
    private static Credentials credentials;

    @BeforeAll
    static void start() throws IOException {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        authorizer = new TestAuthorizer();
        idp = new JwkSetIssuer();
        String[] arguments = {"--server.port=0",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/parity",
                "--policy-auth.remote.kx.endpoint=" + authorizer.url("/authorize"),
                "--policy-auth.remote.kx-body.endpoint=" + authorizer.url("/authorize"),
                "--policy-auth.jwt.issuers.idp.jwk-set-uri=" + idp.jwkSetUri()};
        servlet = new SpringApplicationBuilder(ParityApplication.class).web(WebApplicationType.SERVLET)
                .run(arguments);
        reactive = new SpringApplicationBuilder(ParityApplication.class).web(WebApplicationType.REACTIVE)
                .run(arguments);
        credentials = Credentials.issue(servlet, idp);
    }

    @AfterAll
    static void stop() {
        reactive.close();
        servlet.close();
        authorizer.close();
        idp.close();
        mongo.shutdownNow();
    }

    static List<Probe> matrix() {
        return Matrix.of(credentials);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void bothStacksAnswerAlike(Probe probe) throws Exception {
        Answer onServlet = ask(servlet, probe);
        Answer onWebFlux = ask(reactive, probe);
        assertThat(onServlet.status()).as("servlet status of %s: %s", probe, onServlet).isEqualTo(probe.expected());
        assertThat(onWebFlux).as("WebFlux against servlet for %s", probe).isEqualTo(onServlet.comparable(onWebFlux));
    }

    @Order(2)
    @Test
    void theMatrixCoversGrantsDenialsAndEveryDecisionStatus() {
        Set<Integer> statuses = new TreeSet<>();
        matrix().forEach(probe -> statuses.add(probe.expected()));
        assertThat(statuses).contains(200, 400, 401, 403, 404, 405);
    }

    @Order(2)
    @Test
    @SuppressWarnings("unchecked")
    void bothStacksPublishTheSamePoliciesInTheirOpenApiDocuments() throws Exception {
        Probe document = Probe.get("OpenAPI document", 200, "/v3/api-docs");
        Map<String, Object> onServlet = (Map<String, Object>) ask(servlet, document).json();
        Map<String, Object> onWebFlux = (Map<String, Object>) ask(reactive, document).json();
        assertThat((Map<String, Object>) onWebFlux.get("components")).containsKeys("securitySchemes",
                "x-policy-auth");
        Map<String, Object> orders = (Map<String, Object>) ((Map<String, Object>) onWebFlux.get("paths"))
                .get("/orders");
        assertThat((List<Object>) ((Map<String, Object>) orders.get("get")).get("security")).isNotEmpty();
        assertThat(onWebFlux.get("components")).isEqualTo(onServlet.get("components"));
        assertThat(onWebFlux.get("paths")).isEqualTo(onServlet.get("paths"));
    }

    /* Both stacks were asked the same requests so far, so they must have counted and audited alike. */
    @Order(3)
    @Test
    void bothStacksCountedAndAuditedTheSameDecisions() {
        assertThat(decisionCounts(reactive)).isNotEmpty().isEqualTo(decisionCounts(servlet));
        assertThat(auditedDecisions(reactive)).hasSizeGreaterThan(100).isEqualTo(auditedDecisions(servlet));
    }

    /* policyauth.decisions by policy and outcome. */
    private static Map<String, Double> decisionCounts(ConfigurableApplicationContext context) {
        Map<String, Double> counts = new TreeMap<>();
        context.getBean(MeterRegistry.class).find(DecisionMetrics.DECISIONS).counters().forEach(counter -> counts.put(
                counter.getId().getTag("policy") + " " + counter.getId().getTag("outcome"), counter.count()));
        counts.values().removeIf(count -> count == 0);
        return counts;
    }

    /* Each audit event's policy, outcome, reason, subject, method and path, in one order for both. */
    private static List<String> auditedDecisions(ConfigurableApplicationContext context) {
        return context.getBean(ParityApplication.class).decisions.stream().map(event -> String.join(" ",
                event.policy(), event.outcome().name(), String.valueOf(event.reason()), String.valueOf(event.subject()),
                event.method(), event.path())).sorted().toList();
    }

    @Order(4)
    @Test
    void aStepUpRefusalNamesTheAcrAndTheMaxAge() throws Exception {
        Answer refused = ask(servlet, Probe.get("step-up challenge", 401, "/sensitive", "Authorization",
                credentials.stepUp().password()));
        assertThat(refused.challenge()).isEqualTo("Bearer error=\"insufficient_user_authentication\", "
                + "error_description=\"A different authentication level is required\", "
                + "acr_values=\"urn:parity:mfa\", max_age=\"300\", "
                + "resource_metadata=\"https://parity.example.com/.well-known/oauth-protected-resource\"");
    }

    /*
     * The one known difference: each server refuses headers over its limit (8 KB by default)
     * before any application code, Tomcat with 400 and Reactor Netty with 431 (RFC 6585).
     */
    @Order(4)
    @Test
    void headersOverTheLimitAreRefusedByEachServerBeforeAnyPolicy() throws Exception {
        Probe oversized = Probe.get("token over the header limit", 400, "/orders", "Authorization",
                "Bearer " + "a".repeat(20_000));
        assertThat(ask(servlet, oversized).status()).isEqualTo(400);
        assertThat(ask(reactive, oversized).status()).isEqualTo(431);
    }

    /*
     * A filter after the policy filter that changes the request (trailing slashes, hidden methods)
     * must not reach a handler whose policy was not decided: WebFlux decides such a request again
     * for the handler that will run, and answers as Spring MVC does. WebFlux then counts two
     * decisions where Spring MVC counts one, and audits the path as it arrived, so these run after
     * the counts are compared.
     */
    @Order(4)
    @ParameterizedTest(name = "{0}")
    @MethodSource("changedRequests")
    void requestsChangedByALaterFilterAreDecidedForTheHandlerThatRuns(Probe probe) throws Exception {
        Answer onServlet = ask(servlet, probe);
        assertThat(onServlet.status()).as("servlet status of %s: %s", probe, onServlet).isEqualTo(probe.expected());
        assertThat(ask(reactive, probe)).as("WebFlux against servlet for %s", probe).isEqualTo(onServlet);
    }

    static List<Probe> changedRequests() {
        String auth = "Authorization";
        String form = "application/x-www-form-urlencoded";
        return List.of(Probe.get("trailing slash", 401, "/orders/"),
                Probe.get("trailing slash onto a role-protected handler, no role", 403, "/admin/", auth,
                        credentials.reader()),
                Probe.get("trailing slash onto a role-protected handler, no token", 401, "/admin/"),
                Probe.get("trailing slash onto a role-protected handler, the role", 200, "/admin/", auth,
                        credentials.bearer()),
                Probe.get("trailing slash onto an internal handler, from outside", 403, "/ops/status/", auth,
                        credentials.bearer(), "X-Forwarded-For", "203.0.113.9"),
                new Probe("hidden DELETE on a public POST, no token", 401, "POST", "/notes",
                        List.of("Content-Type", form), "_method=DELETE"),
                new Probe("hidden DELETE on a public POST, no role", 403, "POST", "/notes",
                        List.of("Content-Type", form, auth, credentials.reader()), "_method=DELETE"),
                new Probe("hidden DELETE on a public POST, the role", 200, "POST", "/notes",
                        List.of("Content-Type", form, auth, credentials.bearer()), "_method=DELETE"),
                new Probe("plain POST on the public handler", 200, "POST", "/notes",
                        List.of("Content-Type", form), "note=1"));
    }

    @Order(5)
    @Test
    void withMongoDbAndTheAuthorizerDownBothStacksAnswer503WhileTheOthersStillDecide() throws Exception {
        mongo.shutdownNow();
        authorizer.close();
        idp.close();
        for (Probe probe : List.of(
                Probe.get("db key, MongoDB down", 503, "/clients/me", "X-API-KEY", credentials.unusedDbKey()),
                Probe.get("remote, authorizer down", 503, "/kx/query", "Authorization", GOOD),
                Probe.get("JWK Set down, an unknown key id again within the refetch interval", 401, "/partners", "Authorization",
                        "Bearer " + idp.unknownKeyId("partner-9")),
                Probe.get("JWK Set down, a key already fetched", 200, "/partners", "Authorization",
                        "Bearer " + idp.token("partner-9")),
                Probe.get("token, MongoDB down", 200, "/orders", "Authorization", credentials.bearer()),
                Probe.get("shared key, MongoDB down", 200, "/reports", "X-API-KEY", SHARED_KEY))) {
            Answer onServlet = ask(servlet, probe);
            assertThat(onServlet.status()).as("servlet: %s", probe).isEqualTo(probe.expected());
            assertThat(ask(reactive, probe)).as("WebFlux: %s", probe).isEqualTo(onServlet);
        }
    }

    private static Answer ask(ConfigurableApplicationContext context, Probe probe) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        List<String> headers = new ArrayList<>(probe.headers());
        if (probe.body() != null) {
            headers.addAll(List.of("Content-Length",
                    Integer.toString(probe.body().getBytes(StandardCharsets.UTF_8).length)));
        }
        return Answer.of(RawHttp.send(port, probe.method(), probe.path(), headers, probe.body()), probe.fields());
    }

    /** The real credentials the matrix uses, issued by the running application. */
    record Credentials(String bearer, String reader, String dbKey, String unusedDbKey, String revokedDbKey,
            String acmeKey, List<JwtAttacks.Attack> attacks, JwkSetIssuer idp, StepUp stepUp, Dpop dpop) {

        static Credentials issue(ConfigurableApplicationContext context, JwkSetIssuer idp) {
            TokenIssuer tokens = context.getBean(TokenIssuer.class);
            ApiKeyManager keys = context.getBean(ApiKeyManager.class);
            IssuedApiKey revoked = keys.issue("revoked-client", "old", List.of(), List.of(), null, null);
            keys.revoke(revoked.metadata().keyId());
            JwtAttacks attacks = new JwtAttacks("parity-test-secret-0123456789-0123456789"
                    .getBytes(StandardCharsets.UTF_8), "parity-test", "parity-api");
            return new Credentials("Bearer " + tokens.createToken("alice", List.of("orders:write"), List.of("admin")),
                    "Bearer " + tokens.createToken("bob", List.of("orders:read"), List.of()),
                    keys.issue("client-1", "ci", List.of(), List.of(), null, null).key(),
                    keys.issue("client-2", "spare", List.of(), List.of(), null, null).key(), revoked.key(),
                    keys.issue("acme-billing", "acme", List.of(), List.of("billing"), "acme", null).key(),
                    attacks.all(), idp, StepUp.of(attacks), Dpop.issue());
        }
    }

    /**
     * A token of the DPoP issuer bound to a client key, a proof for {@code GET /payments} at the
     * public URL, and one for another URL. Each stack sees each proof once.
     */
    record Dpop(String token, String proof, String proofForAnotherUrl) {

        static Dpop issue() {
            DpopClientKey key = new DpopClientKey();
            String token = new JwtAttacks("parity-dpop-secret-0123456789-0123456789".getBytes(StandardCharsets.UTF_8),
                    "https://dpop.parity.test", "parity-api").validWith(claims -> claims.claim("cnf",
                            Map.of("jkt", key.thumbprint())));
            return new Dpop(token, key.proof("GET", "https://parity.example.com/payments", token),
                    key.proof("GET", "https://parity.example.com/orders", token));
        }
    }

    /**
     * Bearer tokens for the step-up endpoints: a multi-factor login just now, a password login just
     * now, a multi-factor login ten minutes ago.
     */
    record StepUp(String mfa, String password, String staleMfa) {

        static StepUp of(JwtAttacks tokens) {
            long now = Instant.now().getEpochSecond();
            return new StepUp(token(tokens, "urn:parity:mfa", now), token(tokens, "urn:parity:pwd", now),
                    token(tokens, "urn:parity:mfa", now - 600));
        }

        private static String token(JwtAttacks tokens, String acr, long authTime) {
            return "Bearer " + tokens.validWith(claims -> claims.claim("acr", acr).claim("auth_time", authTime));
        }
    }

    /**
     * One request.
     *
     * @param name what it tries
     * @param expected the status it must get
     * @param method the method
     * @param path the raw path and query
     * @param headers header names and values, alternating
     * @param body the body, or {@code null}
     * @param fields the JSON fields compared, or empty for all
     */
    record Probe(String name, int expected, String method, String path, List<String> headers, String body,
            List<String> fields) {

        Probe(String name, int expected, String method, String path, List<String> headers, String body) {
            this(name, expected, method, path, headers, body, List.of());
        }

        static Probe get(String name, int expected, String path, String... headers) {
            return new Probe(name, expected, "GET", path, List.of(headers), null);
        }

        /* Compares only these fields of a JSON body: the rest names each stack's own classes. */
        Probe comparing(String... only) {
            return new Probe(name, expected, method, path, headers, body, List.of(only));
        }

        @Override
        public String toString() {
            return name + " (" + method + " " + path + ")";
        }
    }

    /**
     * What a stack answered, as far as policy-auth decides it: the status, the challenge, whether
     * a retry is advised, and the body when it is JSON (a problem or the handler's answer). Other
     * bodies (the stacks' own error pages) differ by design and are left out.
     */
    record Answer(int status, String challenge, boolean retryAfter, Object json, Map<String, String> identity) {

        static Answer of(RawHttp.Response response, List<String> fields) {
            String type = response.headers().getOrDefault("content-type", "");
            Object json = type.contains("json") && !response.body().isEmpty() && !isStackError(response)
                    ? JSON.readValue(response.body(), Object.class) : null;
            if (json instanceof Map<?, ?> map && !fields.isEmpty()) {
                Map<Object, Object> kept = new TreeMap<>();
                fields.forEach(field -> kept.put(field, map.get(field)));
                json = kept;
            }
            Map<String, String> identity = new TreeMap<>(response.headers());
            identity.keySet().removeIf(name -> !name.startsWith("x-auth-") && !name.startsWith("access-control-")
                    && !name.startsWith("ratelimit"));
            return new Answer(response.status(), response.headers().get("www-authenticate"),
                    response.headers().containsKey("retry-after"), json, identity);
        }

        /*
         * Tomcat refuses some request targets with its own HTML page, before Spring runs; WebFlux
         * answers them with a problem. Those are compared by status and challenge.
         */
        Answer comparable(Answer other) {
            return status == 400 && json == null && other.json != null
                    ? new Answer(status, challenge, retryAfter, other.json, identity) : this;
        }

        /* Spring Boot's own error bodies (404, 405) carry a timestamp and differ between stacks. */
        private static boolean isStackError(RawHttp.Response response) {
            return response.body().contains("\"timestamp\"");
        }
    }

    /** The attack matrix. */
    static final class Matrix {

        private Matrix() {
        }

        static List<Probe> of(Credentials c) {
            List<Probe> probes = new ArrayList<>();
            String auth = "Authorization";
            String key = "X-API-KEY";
            // public, default policy, unmapped paths and static resources
            probes.add(Probe.get("public, anonymous", 200, "/hello"));
            probes.add(Probe.get("public, with a bad token", 200, "/hello", auth, "Bearer nope"));
            probes.add(Probe.get("default policy, no token", 401, "/orders"));
            probes.add(Probe.get("default policy, token", 200, "/orders", auth, c.bearer()));
            probes.add(Probe.get("unmapped path, no token", 401, "/nope"));
            probes.add(Probe.get("unmapped path, token", 404, "/nope", auth, c.bearer()));
            probes.add(Probe.get("static resource, no token", 401, "/index.html"));
            probes.add(Probe.get("static resource, token", 200, "/index.html", auth, c.bearer()));
            // bearer tokens
            probes.add(Probe.get("lower-case scheme", 200, "/orders", auth, c.bearer().replace("Bearer", "bearer")));
            probes.add(Probe.get("Basic scheme", 401, "/orders", auth, "Basic YWxpY2U6c2VjcmV0"));
            probes.add(Probe.get("empty bearer", 401, "/orders", auth, "Bearer "));
            probes.add(Probe.get("two Authorization headers", 400, "/orders", auth, c.bearer(), auth, c.bearer()));
            probes.add(Probe.get("token in the query", 401, "/orders?access_token=" + c.bearer().substring(7)));
            for (JwtAttacks.Attack attack : c.attacks()) {
                probes.add(Probe.get("JWT attack: " + attack.name(), 401, "/orders", auth, "Bearer " + attack.token()));
            }
            // a second issuer, whose keys come from a JWK Set
            probes.add(Probe.get("JWK Set issuer's token, its own policy", 200, "/partners", auth,
                    "Bearer " + c.idp().token("partner-1")));
            probes.add(Probe.get("JWK Set issuer's token, plain private", 200, "/orders", auth,
                    "Bearer " + c.idp().token("partner-2")));
            // Seen before, the token needs no key: WebFlux decides it on the event loop, not the scheduler.
            String seenBefore = "Bearer " + c.idp().token("partner-3");
            probes.add(Probe.get("JWK Set issuer's token, first time", 200, "/partners", auth, seenBefore));
            probes.add(Probe.get("JWK Set issuer's token, verified before", 200, "/partners", auth, seenBefore));
            probes.add(Probe.get("the other issuer's token on the JWK Set issuer's policy", 401, "/partners", auth,
                    c.bearer()));
            probes.add(Probe.get("JWK Set key id, another key", 401, "/partners", auth,
                    "Bearer " + c.idp().forged("partner-1")));
            probes.add(Probe.get("key id not in the JWK Set", 401, "/partners", auth,
                    "Bearer " + c.idp().unknownKeyId("partner-1")));
            // scopes, roles, named policies with requirements
            probes.add(new Probe("scope present", 200, "POST", "/orders", List.of(auth, c.bearer(),
                    "Content-Type", "text/plain"), "two apples"));
            probes.add(new Probe("scope missing", 403, "POST", "/orders", List.of(auth, c.reader(),
                    "Content-Type", "text/plain"), "two apples"));
            probes.add(new Probe("scope needed, no token", 401, "POST", "/orders", List.of(), null));
            probes.add(Probe.get("named policy's scope present", 200, "/orders/42", auth, c.bearer()));
            probes.add(Probe.get("named policy's scope missing", 403, "/orders/42", auth, c.reader()));
            probes.add(Probe.get("role present", 200, "/admin", auth, c.bearer()));
            probes.add(Probe.get("role missing", 403, "/admin", auth, c.reader()));
            // shared keys
            probes.add(Probe.get("shared key", 200, "/reports", key, SHARED_KEY));
            probes.add(Probe.get("wrong shared key", 401, "/reports", key, SHARED_KEY + "x"));
            probes.add(Probe.get("shared key prefix", 401, "/reports", key, SHARED_KEY.substring(0, 20)));
            probes.add(Probe.get("no shared key", 401, "/reports"));
            probes.add(Probe.get("two shared keys", 400, "/reports", key, SHARED_KEY, key, SHARED_KEY));
            probes.add(Probe.get("shared key header in lower case", 200, "/reports", "x-api-key", SHARED_KEY));
            probes.add(Probe.get("a token where a key is required", 401, "/reports", auth, c.bearer()));
            // composites
            probes.add(Probe.get("any-of, key", 200, "/either", key, SHARED_KEY));
            probes.add(Probe.get("any-of, token", 200, "/either", auth, c.bearer()));
            probes.add(Probe.get("any-of, neither", 401, "/either"));
            probes.add(Probe.get("any-of, bad key and bad token", 401, "/either", key, "x".repeat(20), auth,
                    "Bearer bad"));
            probes.add(Probe.get("all-of, both", 200, "/both", key, SHARED_KEY, auth, c.bearer()));
            probes.add(Probe.get("all-of, key only", 401, "/both", key, SHARED_KEY));
            probes.add(Probe.get("all-of, token only", 401, "/both", auth, c.bearer()));
            // per-client keys
            probes.add(Probe.get("db key", 200, "/clients/me", key, c.dbKey()));
            probes.add(Probe.get("revoked db key", 401, "/clients/me", key, c.revokedDbKey()));
            probes.add(Probe.get("unknown db key", 401, "/clients/me", key, c.dbKey().substring(0,
                    c.dbKey().length() - 2) + "xx"));
            probes.add(Probe.get("malformed db key", 401, "/clients/me", key, "not-a-key"));
            probes.add(Probe.get("no db key", 401, "/clients/me"));
            // internal, behind the trusted proxy at 127.0.0.1
            probes.add(Probe.get("internal, forwarded from inside", 200, "/ops/status", "X-Forwarded-For", "10.1.2.3"));
            probes.add(Probe.get("internal, proxy itself", 403, "/ops/status"));
            probes.add(Probe.get("internal, spoofed first hop", 403, "/ops/status", "X-Forwarded-For",
                    "10.1.2.3, 203.0.113.9"));
            probes.add(Probe.get("internal, forwarded from outside", 403, "/ops/status", "X-Forwarded-For",
                    "203.0.113.9"));
            probes.add(Probe.get("internal, garbage forwarded", 403, "/ops/status", "X-Forwarded-For", "not-an-ip"));
            probes.add(Probe.get("internal, Forwarded header is not the configured one", 403, "/ops/status",
                    "Forwarded", "for=10.1.2.3"));
            probes.add(Probe.get("internal, two forwarded headers", 403, "/ops/status", "X-Forwarded-For", "10.1.2.3",
                    "X-Forwarded-For", "203.0.113.9"));
            // dry-run
            probes.add(Probe.get("dry-run, no token", 200, "/trial"));
            probes.add(Probe.get("dry-run, token", 200, "/trial", auth, c.bearer()));
            // remote
            probes.add(Probe.get("remote, granted", 200, "/kx/query", auth, GOOD));
            probes.add(Probe.get("remote, refused", 401, "/kx/query", auth, "Bearer bad-token"));
            probes.add(Probe.get("remote, no credential", 401, "/kx/query"));
            // remote with the body
            String json = "Content-Type";
            probes.add(new Probe("remote with the body, granted", 200, "POST", "/kx/orders", List.of(auth,
                    GOOD, json, "application/json"), "{\"amount\":5}"));
            probes.add(new Probe("remote with the body, a form", 200, "POST", "/kx/forms", List.of(auth,
                    GOOD, json, "application/x-www-form-urlencoded"), "amount=5&note=a+b"));
            probes.add(new Probe("remote with the body, refused", 401, "POST", "/kx/orders", List.of(auth,
                    "Bearer bad-token", json, "application/json"), "{\"amount\":5}"));
            probes.add(new Probe("remote with the body, too large", 413, "POST", "/kx/orders", List.of(auth,
                    GOOD, json, "application/json"), "{\"amount\":5,\"note\":\"far too long for it\"}"));
            probes.add(new Probe("remote with the body, multipart", 415, "POST", "/kx/orders", List.of(auth,
                    GOOD, json, "multipart/form-data; boundary=b0undary"),
                    "--b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n5\r\n--b0undary--\r\n"));
            probes.add(new Probe("remote with the body, not UTF-8", 415, "POST", "/kx/orders", List.of(auth,
                    GOOD, json, "text/plain; charset=x-no-such-charset"), "a"));
            // resource checks, after the policy: the owner, another caller, another tenant, an unknown resource
            probes.add(new Probe("resource, the owner updates", 200, "PUT", "/documents/d1", List.of(auth,
                    c.bearer()), null));
            probes.add(new Probe("resource, another caller may not update", 403, "PUT", "/documents/d1",
                    List.of(auth, c.reader()), null));
            probes.add(Probe.get("resource, another caller reads what is published", 200, "/documents/d1", auth,
                    c.reader()));
            probes.add(Probe.get("resource, another tenant's, though published", 403, "/documents/d2", auth,
                    c.reader()));
            probes.add(Probe.get("resource, unknown", 404, "/documents/d9", auth, c.bearer()));
            probes.add(Probe.get("resource, no token", 401, "/documents/d1"));
            // step-up (RFC 9470): acr and max-age on the annotation, max-age on a named policy
            probes.add(Probe.get("step-up, a fresh multi-factor login", 200, "/sensitive", auth, c.stepUp().mfa()));
            probes.add(Probe.get("step-up, a password login", 401, "/sensitive", auth, c.stepUp().password()));
            probes.add(Probe.get("step-up, a stale multi-factor login", 401, "/sensitive", auth,
                    c.stepUp().staleMfa()));
            probes.add(Probe.get("step-up, a token without acr", 401, "/sensitive", auth, c.bearer()));
            probes.add(Probe.get("step-up, no token", 401, "/sensitive"));
            probes.add(Probe.get("rate limit, the first call", 200, "/once", auth, c.bearer()));
            probes.add(Probe.get("rate limit, the second call", 429, "/once", auth, c.bearer()));
            probes.add(Probe.get("rate limit, a refused credential costs nothing", 401, "/once", auth, "Bearer nope"));
            probes.add(Probe.get("DPoP, a bound token with its proof", 200, "/payments", auth,
                    "DPoP " + c.dpop().token(), "DPoP", c.dpop().proof()));
            probes.add(Probe.get("DPoP, the bound token as Bearer", 401, "/payments", auth,
                    "Bearer " + c.dpop().token()));
            probes.add(Probe.get("DPoP, a proof for another URL", 401, "/payments", auth, "DPoP " + c.dpop().token(),
                    "DPoP", c.dpop().proofForAnotherUrl()));
            probes.add(Probe.get("DPoP, no token", 401, "/payments"));
            probes.add(Probe.get("DPoP, a proof without a token", 401, "/payments", "DPoP", c.dpop().proof()));
            probes.add(Probe.get("max-age on a named policy, fresh", 200, "/fresh", auth, c.stepUp().password()));
            probes.add(Probe.get("max-age on a named policy, stale", 401, "/fresh", auth, c.stepUp().staleMfa()));
            // protected resource metadata (RFC 9728), and a 401 naming it
            probes.add(Probe.get("protected resource metadata", 200, "/.well-known/oauth-protected-resource"));
            probes.add(new Probe("protected resource metadata, not read with POST", 405, "POST",
                    "/.well-known/oauth-protected-resource", List.of(), null));
            // routes
            probes.add(Probe.get("route to public", 200, "/open/info"));
            probes.add(Probe.get("route by method, GET needs a key", 401, "/exports/daily"));
            probes.add(Probe.get("route by method, GET with a key", 200, "/exports/daily", key, SHARED_KEY));
            probes.add(new Probe("route by method, POST needs the admin role", 403, "POST", "/exports/daily",
                    List.of(auth, c.reader()), null));
            probes.add(new Probe("route by method, POST as admin", 200, "POST", "/exports/daily",
                    List.of(auth, c.bearer()), null));
            // paths that could be read two ways
            probes.add(Probe.get("upper case", 401, "/ORDERS"));
            probes.add(Probe.get("path parameter", 401, "/orders;jsessionid=1"));
            probes.add(Probe.get("path parameter on a public route", 200, "/open;x=1/info"));
            probes.add(Probe.get("percent-encoded letter", 401, "/%6Frders"));
            probes.add(Probe.get("dot segment into a private handler", 401, "/hello/../orders"));
            probes.add(Probe.get("dot segment out of a public route", 404, "/open/../orders"));
            probes.add(Probe.get("dot segment out of a public route, token", 404, "/open/../orders", auth,
                    c.bearer()));
            probes.add(Probe.get("encoded dot segment", 404, "/open/%2e%2e/orders"));
            probes.add(Probe.get("single dot segment", 401, "/./orders"));
            probes.add(Probe.get("encoded backslash", 400, "/open%5C..%5Corders"));
            probes.add(Probe.get("encoded null", 400, "/orders%00"));
            probes.add(Probe.get("encoded percent", 401, "/orders%25"));
            probes.add(Probe.get("encoded semicolon", 401, "/orders%3Bx"));
            probes.add(Probe.get("invalid percent-encoding", 400, "/orders%ZZ"));
            probes.add(Probe.get("raw backslash", 400, "/open\\..\\orders"));
            probes.add(Probe.get("raw space", 400, "/orders x"));
            probes.add(Probe.get("absolute-form target", 401, "http://127.0.0.1/orders"));
            probes.add(Probe.get("overlong UTF-8 slash", 400, "/open%C0%AF..%C0%AForders"));
            probes.add(Probe.get("non-ASCII", 401, "/%C3%B6rders"));
            probes.add(Probe.get("encoded slash", 400, "/open%2F..%2Forders"));
            probes.add(Probe.get("double slash", 401, "//orders"));
            probes.add(Probe.get("query string", 401, "/orders?x=/hello"));
            probes.add(Probe.get("suffix", 401, "/orders.json"));
            // the error path
            probes.add(Probe.get("failing handler, no token", 401, "/boom"));
            probes.add(Probe.get("failing handler, token", 500, "/boom", auth, c.bearer()));
            probes.add(Probe.get("failing policy", 500, "/broken"));
            probes.add(Probe.get("what a policy's context holds", 200, "/context/eu%2Dwest/42?full=yes&x=%41"));
            // CORS, with a configured origin
            String origin = "Origin";
            String preflight = "Access-Control-Request-Method";
            probes.add(new Probe("CORS preflight, allowed origin", 200, "OPTIONS", "/shared", List.of(origin,
                    "https://app.example", preflight, "GET"), null));
            probes.add(new Probe("CORS preflight, other origin", 403, "OPTIONS", "/shared", List.of(origin,
                    "https://evil.example", preflight, "GET"), null));
            probes.add(Probe.get("CORS request, allowed origin, no token", 401, "/shared", origin,
                    "https://app.example"));
            probes.add(Probe.get("CORS request, allowed origin, token", 200, "/shared", origin, "https://app.example",
                    auth, c.bearer()));
            probes.add(Probe.get("CORS request, other origin, no token", 403, "/shared", origin,
                    "https://evil.example"));
            probes.add(Probe.get("CORS request, other origin, token", 403, "/shared", origin, "https://evil.example",
                    auth, c.bearer()));
            // headers over the servers' limit
            probes.add(Probe.get("token just under the header limit", 401, "/orders", auth, "Bearer " + "a".repeat(7000)));
            // tenancy: isolation by the path variable and the header, permissions of platform roles
            probes.add(Probe.get("tenant: a key of the tenant", 200, "/tenants/acme/invoices", key, c.acmeKey()));
            probes.add(Probe.get("tenant: another tenant", 403, "/tenants/globex/invoices", key, c.acmeKey()));
            probes.add(Probe.get("tenant: header and path disagree", 400, "/tenants/acme/invoices", key, c.acmeKey(),
                    "X-Tenant-Id", "globex"));
            probes.add(Probe.get("tenant: caller without a tenant", 403, "/tenants/acme/invoices", auth,
                    c.reader()));
            probes.add(Probe.get("tenant: cross-tenant role without the permission", 403, "/tenants/acme/invoices",
                    auth, c.bearer()));
            probes.add(Probe.get("tenant: the header names another tenant", 403, "/orders", auth, c.reader(),
                    "X-Tenant-Id", "acme"));
            // gateway mode: nginx, Envoy and KX ask for the services behind them
            String method = "X-Original-Method";
            String uri = "X-Original-URI";
            probes.add(Probe.get("nginx, public route", 204, "/authz/nginx", method, "GET", uri, "/public/a"));
            probes.add(Probe.get("nginx, default policy, no token", 401, "/authz/nginx", method, "GET", uri,
                    "/orders/1"));
            probes.add(Probe.get("nginx, default policy, token", 204, "/authz/nginx", method, "GET", uri, "/orders/1",
                    auth, c.bearer()));
            probes.add(Probe.get("nginx, scope missing", 403, "/authz/nginx", method, "POST", uri, "/orders/1", auth,
                    c.reader()));
            probes.add(Probe.get("nginx, shared key", 204, "/authz/nginx", method, "GET", uri, "/reports/q1", key,
                    SHARED_KEY));
            probes.add(Probe.get("nginx, per-client key", 204, "/authz/nginx", method, "GET", uri, "/clients/7", key,
                    c.dbKey()));
            probes.add(Probe.get("nginx, internal behind the proxy", 204, "/authz/nginx", method, "GET", uri,
                    "/ops/health", "X-Forwarded-For", "10.1.2.3"));
            probes.add(Probe.get("nginx, dot segment", 400, "/authz/nginx", method, "GET", uri, "/public/../orders/1"));
            probes.add(Probe.get("nginx, encoded slash", 400, "/authz/nginx", method, "GET", uri,
                    "/public%2F..%2Forders"));
            probes.add(Probe.get("nginx, no original request", 400, "/authz/nginx"));
            probes.add(Probe.get("nginx, '#' after a route's path", 400, "/authz/nginx", method, "GET", uri, "/ops#"));
            probes.add(Probe.get("nginx, '#' after a scoped route", 400, "/authz/nginx", method, "POST", uri,
                    "/orders#", auth, c.reader()));
            probes.add(Probe.get("nginx, raw '{'", 400, "/authz/nginx", method, "GET", uri, "/public/{x}"));
            probes.add(Probe.get("nginx, trailing dot", 400, "/authz/nginx", method, "GET", uri, "/ops."));
            probes.add(Probe.get("nginx, trailing encoded space", 400, "/authz/nginx", method, "GET", uri,
                    "/ops%20/health"));
            probes.add(Probe.get("nginx, upper case misses the exact route", 401, "/authz/nginx", method, "GET", uri,
                    "/OPS/health"));
            probes.add(Probe.get("Envoy, trailing encoded dot", 400, "/authz/envoy/ops%2E"));
            probes.add(Probe.get("Envoy, token", 200, "/authz/envoy/orders/1?x=1", auth, c.bearer()));
            probes.add(Probe.get("Envoy, no token", 401, "/authz/envoy/orders/1"));
            probes.add(Probe.get("Envoy, public route", 200, "/authz/envoy/public/a"));
            probes.add(Probe.get("Envoy, dot segment", 400, "/authz/envoy/public/../orders/1"));
            String kxJson = "Content-Type";
            probes.add(new Probe("KX, bearer header", 200, "POST", "/authz/kx", List.of(auth, c.bearer(), kxJson,
                    "application/json"), "{\"user\":\"alice\",\"uri\":\"/orders/1\",\"method\":\"GET\"}"));
            probes.add(new Probe("KX, token as password", 200, "POST", "/authz/kx", List.of(kxJson, "application/json"),
                    "{\"user\":\"alice\",\"pass\":\"" + c.bearer().substring(7) + "\",\"uri\":\"/orders/1\",\"method\":\"GET\"}"));
            probes.add(new Probe("KX, key as password", 200, "POST", "/authz/kx", List.of(kxJson, "application/json"),
                    "{\"user\":\"svc\",\"pass\":\"" + SHARED_KEY + "\",\"uri\":\"/reports/q1\",\"method\":\"GET\"}"));
            probes.add(new Probe("KX, IPC without a uri", 200, "POST", "/authz/kx", List.of(kxJson,
                    "application/json"), "{\"user\":\"alice\",\"pass\":\"" + c.bearer().substring(7) + "\"}"));
            probes.add(new Probe("KX, '#' in the uri", 400, "POST", "/authz/kx", List.of(kxJson, "application/json"),
                    "{\"uri\":\"/orders#\",\"method\":\"POST\"}"));
            probes.add(new Probe("KX, uri without method", 400, "POST", "/authz/kx", List.of(kxJson,
                    "application/json"), "{\"uri\":\"/orders/1\"}"));
            probes.add(new Probe("KX, token as password of another user", 403, "POST", "/authz/kx", List.of(kxJson,
                    "application/json"), "{\"user\":\"admin\",\"pass\":\"" + c.bearer().substring(7)
                    + "\",\"uri\":\"/orders/1\",\"method\":\"GET\"}"));
            probes.add(new Probe("KX, refused", 401, "POST", "/authz/kx", List.of(kxJson, "application/json"),
                    "{\"user\":\"alice\",\"pass\":\"wrong\",\"uri\":\"/orders/1\",\"method\":\"GET\"}"));
            probes.add(new Probe("KX, not JSON", 400, "POST", "/authz/kx", List.of(kxJson, "application/json"),
                    "user=alice"));
            probes.add(new Probe("KX, too large", 413, "POST", "/authz/kx", List.of(kxJson, "application/json"),
                    "{\"user\":\"" + "a".repeat(70_000) + "\"}"));
            probes.add(Probe.get("KX, GET", 405, "/authz/kx"));
            probes.add(Probe.get("gateway, no such endpoint", 404, "/authz/nope"));
            // methods
            probes.add(new Probe("HEAD on the default policy", 401, "HEAD", "/orders", List.of(), null));
            probes.add(new Probe("wrong method on a public handler", 405, "DELETE", "/hello", List.of(), null));
            probes.add(new Probe("wrong method, no token", 405, "DELETE", "/orders", List.of(), null));
            probes.add(new Probe("plain OPTIONS", 401, "OPTIONS", "/orders", List.of(), null));
            probes.add(new Probe("CORS preflight", 200, "OPTIONS", "/orders", List.of("Origin",
                    "https://evil.example", "Access-Control-Request-Method", "GET"), null));
            // Actuator
            probes.add(Probe.get("health, public by route", 200, "/actuator/health"));
            probes.add(Probe.get("metrics, internal by route, from outside", 403, "/actuator/metrics",
                    "X-Forwarded-For", "203.0.113.9"));
            probes.add(Probe.get("policy report, from inside", 200, "/actuator/policyauth", "X-Forwarded-For",
                    "10.0.0.1").comparing("defaultPolicy", "policies"));
            return probes;
        }
    }
}
