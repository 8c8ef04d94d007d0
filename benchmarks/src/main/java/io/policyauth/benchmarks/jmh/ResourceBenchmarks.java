package io.policyauth.benchmarks.jmh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import io.policyauth.benchmarks.JwtFixture;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.Enforcement;
import io.policyauth.core.RequestHeaders;
import io.policyauth.core.ResourceRule;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.VerifiedTokenCacheSettings;
import io.policyauth.resource.Resource;
import io.policyauth.resource.ResourceAttributes;
import io.policyauth.resource.ResourceChecks;
import io.policyauth.resource.ResourceDecision;
import io.policyauth.resource.ResourceDecisionMetrics;
import io.policyauth.resource.ResourceFilter;
import io.policyauth.resource.cerbos.CerbosResourceAuthorizer;
import io.policyauth.resource.cerbos.CerbosSettings;
import io.policyauth.resource.mongo.MongoResourceFilters;

/**
 * What a resource check costs over loopback, against the real Cerbos serving the repository's
 * policies (start it first: {@code bash cerbos/run.sh}; another address with {@code -p cerbosUrl=...}):
 * a {@code private} HS256 decision with a warm token cache, alone and followed by the check of the
 * document its path names (attributes from memory, the engine asked over HTTP, the check counted),
 * and the engine's check alone. Then a list: the engine's plan (alone, and turned into one MongoDB
 * query over {@value #DOCUMENTS} documents: an in-memory MongoDB-compatible server, the real driver),
 * against the same collection read unfiltered.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResourceBenchmarks {

    static final int DOCUMENTS = 1_000;
    private static final Map<String, String> FIELDS = Map.of("owner", "ownerId", "tenant", "tenantId",
            "sharedWith", "sharedWith", "status", "status");
    private static final List<String> OWNERS = List.of(JwtFixture.SUBJECT, "bob", "carol", "dave");
    private static final List<String> TENANTS = List.of("acme", "globex");

    @Param("http://127.0.0.1:3592")
    public String cerbosUrl;

    private AuthService authService;
    private AuthExecutor plain;
    private AuthExecutor checked;
    private CerbosResourceAuthorizer cerbos;
    private SecurityRequestContext request;
    private AuthenticatedUser user;
    private Resource document;
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final MongoResourceFilters filters = new MongoResourceFilters(Map.of("document", FIELDS));

    @Setup
    public void setUp() throws IOException, InterruptedException {
        requireCerbos();
        JwtFixture jwt = new JwtFixture();
        AuthExecutor privateHs256 = new PrivateExecutor(jwt.hs256Provider(VerifiedTokenCacheSettings.defaults()));
        authService = new AuthService(new AuthExecutorRegistry(List.of(privateHs256), Map.of()),
                new DecisionMetrics(new SimpleMeterRegistry()));
        cerbos = new CerbosResourceAuthorizer(new CerbosSettings(URI.create(cerbosUrl), Duration.ofMillis(250),
                Duration.ofSeconds(1), 64, true, List.of("user"), List.of()));
        Map<String, Object> attributes = Map.of("tenant", "acme", "owner", JwtFixture.SUBJECT,
                "sharedWith", List.of("bob"), "status", "published");
        ResourceChecks checks = new ResourceChecks(cerbos, List.of(inMemory(attributes)),
                Map.of("GET", "read"), 403, List.of(new ResourceDecisionMetrics(new SimpleMeterRegistry())),
                Clock.systemUTC());
        plain = privateHs256;
        checked = checks.guarded(privateHs256, new ResourceRule("document", "documentId", null),
                Enforcement.ENFORCE);
        request = SecurityRequestContext.builder("127.0.0.1", RequestHeaders.of(Map.of("Authorization",
                List.of("Bearer " + jwt.hs256TenantToken("acme")))), "GET", "/documents/d1")
                .pathVariables(Map.of("documentId", "d1")).build();
        user = authService.authorize(request, plain);
        document = new Resource("document", "d1", attributes);
        startMongo();
        // Fail at set-up, not in a measurement, if any would deny.
        authService.authorize(request, checked);
        if (!cerbos.check(user, document, "read").allowed()) {
            throw new IllegalStateException("Cerbos at " + cerbosUrl + " does not serve the repository's policies");
        }
    }

    @TearDown
    public void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Benchmark
    public AuthenticatedUser privateHs256() {
        return authService.authorize(request, plain);
    }

    @Benchmark
    public AuthenticatedUser privateHs256WithResourceCheck() {
        return authService.authorize(request, checked);
    }

    @Benchmark
    public ResourceDecision cerbosCheckAlone() {
        return cerbos.check(user, document, "read");
    }

    @Benchmark
    public ResourceFilter planAlone() {
        return cerbos.plan(user, "document", "read");
    }

    @Benchmark
    public List<Document> planAndFilteredQuery() {
        return mongo.find(Query.query(filters.toCriteria(cerbos.plan(user, "document", "read"), "document")),
                Document.class, "documents");
    }

    @Benchmark
    public List<Document> unfilteredQuery() {
        return mongo.find(new Query(), Document.class, "documents");
    }

    private void startMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "bench");
        Random random = new Random(42);
        List<Document> documents = new ArrayList<>(DOCUMENTS);
        for (int i = 0; i < DOCUMENTS; i++) {
            List<String> sharedWith = OWNERS.stream().filter(owner -> random.nextInt(4) == 0).toList();
            documents.add(new Document(Map.of("_id", "d" + i, "ownerId", OWNERS.get(random.nextInt(OWNERS.size())),
                    "tenantId", TENANTS.get(random.nextInt(TENANTS.size())), "sharedWith", sharedWith,
                    "status", random.nextBoolean() ? "draft" : "published")));
        }
        mongo.insert(documents, "documents");
    }

    private void requireCerbos() throws InterruptedException {
        try {
            HttpResponse<Void> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(cerbosUrl + "/_cerbos/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (health.statusCode() == 200) {
                return;
            }
        }
        catch (IOException unreachable) {
            // Said below.
        }
        throw new IllegalStateException("No Cerbos at " + cerbosUrl + ": start it with `bash cerbos/run.sh`");
    }

    private static ResourceAttributes inMemory(Map<String, Object> attributes) {
        return ResourceAttributes.of("document", id -> Optional.of(attributes));
    }
}
