package io.policyauth.benchmarks.jmh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.policyauth.benchmarks.DpopFixture;
import io.policyauth.benchmarks.IntrospectionFixture;
import io.policyauth.benchmarks.JwtFixture;
import io.policyauth.benchmarks.RenamedPolicy;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.RequestHeaders;
import io.policyauth.core.RequestUrl;
import io.policyauth.core.RequestUrlSource;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.jwt.CertificateBinding;
import io.policyauth.jwt.IntrospectingAuthProvider;
import io.policyauth.jwt.IntrospectionSettings;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.TokenDenylist;
import io.policyauth.jwt.TokenIntrospector;
import io.policyauth.jwt.VerifiedTokenCacheSettings;
import io.policyauth.jwt.dpop.DpopBinding;
import io.policyauth.jwt.dpop.DpopMode;
import io.policyauth.jwt.dpop.DpopProofRules;
import io.policyauth.jwt.dpop.DpopProofVerifier;
import io.policyauth.jwt.dpop.DpopReplayCache;
import io.policyauth.jwt.dpop.InMemoryDpopReplayCache;

/**
 * What sender-constrained and opaque tokens cost beside plain bearer JWTs, each a whole
 * {@code AuthService.authorize}: {@code private} HS256 and RS256 with a warm verified-token cache;
 * an HS256 token bound to a DPoP key with its ES256 (and RS256) proof (the token from the cache, the proof
 * parsed, its signature verified, its claims and {@code ath} checked, the key's thumbprint computed
 * and the proof recorded in the in-memory replay cache); and an opaque token whose introspection
 * answer is cached (the endpoint, a local HTTP server, asked once at set-up).
 *
 * <p>A proof is accepted once; to measure one proof many times, each call records it under a key
 * of its own (the proof's key plus a counter) in the real replay cache, which so does the work of
 * a first use every time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SenderConstrainedBenchmarks {

    private static final String URL = "https://api.bench.example/orders";

    private AuthService authService;
    private HttpServer introspection;
    private Decision privateHs256;
    private Decision privateRs256;
    private Decision dpopHs256;
    private Decision dpopHs256RsaProof;
    private Decision introspectedCached;

    @Setup
    public void setUp() throws Exception {
        JwtFixture jwt = new JwtFixture();
        VerifiedTokenCacheSettings cache = VerifiedTokenCacheSettings.defaults();
        DpopFixture client = new DpopFixture();
        DpopReplayCache everyCallFirst = new EveryCallFirst(new InMemoryDpopReplayCache(Clock.systemUTC()));
        DpopProofVerifier proofs = new DpopProofVerifier(new DpopProofRules(DpopProofRules.algorithms(
                DpopProofRules.DEFAULT_ALGORITHMS), Duration.ofDays(1), Duration.ofSeconds(60),
                RequestUrlSource.AS_RECEIVED, null, Clock.systemUTC()), everyCallFirst);
        introspection = answeringActive();
        URI endpoint = URI.create("http://127.0.0.1:" + introspection.getAddress().getPort() + "/introspect");
        IntrospectingAuthProvider opaque = new IntrospectingAuthProvider(new TokenIntrospector(
                new IntrospectionSettings(endpoint, "bench-api", "bench-secret", Duration.ofHours(1),
                        Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC()), JwtFixture.rules(),
                Duration.ofHours(1), TokenDenylist.none(), null);
        List<AuthExecutor> executors = List.of(new PrivateExecutor(jwt.hs256Provider(cache)),
                new RenamedPolicy("private_rs256", new PrivateExecutor(jwt.rs256Provider(cache))),
                new PrivateExecutor("private_dpop", jwt.hs256Provider(cache), List.of(new CredentialDescription
                        .Issuer("private_dpop", null)), CertificateBinding.IF_PRESENT, DpopBinding.of(DpopMode.REQUIRED,
                                proofs)),
                new PrivateExecutor("private_opaque", opaque));
        authService = new AuthService(new AuthExecutorRegistry(executors, Map.of()),
                new DecisionMetrics(new SimpleMeterRegistry()));

        privateHs256 = decision("private", Map.of("Authorization", "Bearer " + jwt.hs256Token()));
        privateRs256 = decision("private_rs256", Map.of("Authorization", "Bearer " + jwt.rs256Token()));
        String bound = client.boundToken(client.ec());
        dpopHs256 = decision("private_dpop", Map.of("Authorization", "DPoP " + bound, "DPoP",
                DpopFixture.proof(client.ec(), "GET", URL, bound)));
        String rsaBound = client.boundToken(client.rsa());
        dpopHs256RsaProof = decision("private_dpop", Map.of("Authorization", "DPoP " + rsaBound, "DPoP",
                DpopFixture.proof(client.rsa(), "GET", URL, rsaBound)));
        introspectedCached = decision("private_opaque",
                Map.of("Authorization", "Bearer " + IntrospectionFixture.TOKEN));
    }

    @TearDown
    public void tearDown() {
        introspection.stop(0);
    }

    @Benchmark
    public AuthenticatedUser privateHs256() {
        return privateHs256.run(authService);
    }

    @Benchmark
    public AuthenticatedUser privateRs256() {
        return privateRs256.run(authService);
    }

    @Benchmark
    public AuthenticatedUser dpopProofWithHs256() {
        return dpopHs256.run(authService);
    }

    @Benchmark
    public AuthenticatedUser dpopRs256ProofWithHs256() {
        return dpopHs256RsaProof.run(authService);
    }

    @Benchmark
    public AuthenticatedUser introspectedCached() {
        return introspectedCached.run(authService);
    }

    private Decision decision(String policy, Map<String, String> headers) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        SecurityRequestContext context = SecurityRequestContext.builder("127.0.0.1", RequestHeaders.of(multi), "GET",
                "/orders").requestUrl(RequestUrl.of(() -> URL)).build();
        Decision decision = new Decision(authService.registry().get(policy), context);
        // Fail at set-up, not in the middle of a measurement, if a policy would deny.
        decision.run(authService);
        return decision;
    }

    private static HttpServer answeringActive() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] answer = IntrospectionFixture.activeAnswer().getBytes(StandardCharsets.UTF_8);
        server.createContext("/introspect", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return server;
    }

    /* The real replay cache, asked under a key of its own per call: the work of a first use, every time. */
    private record EveryCallFirst(InMemoryDpopReplayCache seen, AtomicLong calls) implements DpopReplayCache {

        EveryCallFirst(InMemoryDpopReplayCache seen) {
            this(seen, new AtomicLong());
        }

        @Override
        public boolean firstUse(String key, Instant until) {
            return seen.firstUse(key + calls.incrementAndGet(), until);
        }
    }

    /** A resolved policy and the request it decides. */
    private record Decision(AuthExecutor executor, SecurityRequestContext context) {

        AuthenticatedUser run(AuthService service) {
            return service.authorize(context, executor);
        }
    }
}
