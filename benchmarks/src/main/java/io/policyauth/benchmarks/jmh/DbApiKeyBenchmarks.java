package io.policyauth.benchmarks.jmh;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.policyauth.apikey.ApiKeyLookup;
import io.policyauth.benchmarks.EmbeddedKeyStore;
import io.policyauth.benchmarks.RenamedPolicy;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.SecurityRequestContext;

/**
 * {@code authorize("db_api_key")} with a key issued by {@code ApiKeyManager} into an in-memory
 * MongoDB-compatible server: with the default cache, warm (the steady state of a client reusing
 * its key), and with the cache off, so every request is a query over loopback to that server.
 * The second measures the embedded server as much as policy-auth: a real mongod answers a point
 * lookup by unique index in roughly the same order of time, plus the network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DbApiKeyBenchmarks {

    private EmbeddedKeyStore keys;
    private AuthService authService;
    private AuthExecutor cached;
    private AuthExecutor uncached;
    private SecurityRequestContext request;

    @Setup
    public void setUp() {
        keys = new EmbeddedKeyStore();
        ApiKeyLookup cachedLookup = keys.lookup(true);
        String key = keys.manager(cachedLookup).issue("client-1", "bench", List.of("orders:read"), List.of(), null)
                .key();
        List<AuthExecutor> executors = List.of(keys.executor(cachedLookup),
                new RenamedPolicy("db_api_key_nocache", keys.executor(keys.lookup(false))));
        authService = new AuthService(new AuthExecutorRegistry(executors, Map.of()),
                new DecisionMetrics(new SimpleMeterRegistry()));
        cached = authService.registry().get("db_api_key");
        uncached = authService.registry().get("db_api_key_nocache");
        request = SecurityRequestContext.of("127.0.0.1", Map.of(EmbeddedKeyStore.HEADER, List.of(key)));
        authService.authorize(request, cached);
        authService.authorize(request, uncached);
    }

    @TearDown
    public void tearDown() {
        keys.close();
    }

    @Benchmark
    public AuthenticatedUser authorizeDbApiKeyCached() {
        return authService.authorize(request, cached);
    }

    @Benchmark
    public AuthenticatedUser authorizeDbApiKeyUncached() {
        return authService.authorize(request, uncached);
    }
}
