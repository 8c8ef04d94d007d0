package io.policyauth.benchmarks.jmh;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import io.policyauth.apikey.SharedApiKeyExecutor;
import io.policyauth.audit.ApplicationEventDecisionPublisher;
import io.policyauth.audit.AuditLogSink;
import io.policyauth.benchmarks.JwtFixture;
import io.policyauth.benchmarks.RenamedPolicy;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.PublicExecutor;
import io.policyauth.core.RequestHeaders;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.VerifiedTokenCacheSettings;
import io.policyauth.network.CidrSet;
import io.policyauth.network.ClientAddressResolver;
import io.policyauth.network.InternalExecutor;

/**
 * {@link AuthService#authorize(SecurityRequestContext, AuthExecutor)} for every built-in policy, as
 * the web layer calls it and as an application gets it by default: executors resolved once,
 * decisions recorded to a Micrometer registry, published as application events and passed to
 * the audit log sink (which logs grants at DEBUG, so at the default INFO it formats nothing).
 * Every call is granted. {@link #authorizePublicWithoutAudit()} isolates the cost of the audit events. The RS256 and ES256 policies run twice: with the verified-token cache
 * (the token was seen before, the steady state of a client reusing its token) and without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthorizeBenchmarks {

    /** A 40-character key, the length of a typical generated secret. */
    static final String SHARED_KEY = "bench-shared-key-0123456789abcdefghijklm";

    private AuthService authService;
    private AuthService withoutAudit;
    private AuthService observed;
    private AnnotationConfigApplicationContext events;

    private Decision publicPolicy;
    private Decision internalPolicy;
    private Decision sharedApiKeyPolicy;
    private Decision privateHs256;
    private Decision privateHs256Uncached;
    private Decision privateRs256Cached;
    private Decision privateRs256Uncached;
    private Decision privateEs256Cached;
    private Decision privateEs256Uncached;

    @Setup
    public void setUp() {
        JwtFixture jwt = new JwtFixture();
        VerifiedTokenCacheSettings cacheOn = VerifiedTokenCacheSettings.defaults();
        VerifiedTokenCacheSettings cacheOff = VerifiedTokenCacheSettings.disabled();
        List<AuthExecutor> executors = List.of(
                new PublicExecutor(),
                new InternalExecutor(CidrSet.parse(List.of("10.0.0.0/8", "127.0.0.0/8", "::1/128")),
                        new ClientAddressResolver(CidrSet.empty())),
                new SharedApiKeyExecutor(SharedApiKeyExecutor.DEFAULT_HEADER_NAME, List.of(SHARED_KEY)),
                new PrivateExecutor(jwt.hs256Provider(cacheOn)),
                new RenamedPolicy("private_hs256_nocache", new PrivateExecutor(jwt.hs256Provider(cacheOff))),
                new RenamedPolicy("private_rs256", new PrivateExecutor(jwt.rs256Provider(cacheOn))),
                new RenamedPolicy("private_rs256_nocache", new PrivateExecutor(jwt.rs256Provider(cacheOff))),
                new RenamedPolicy("private_es256", new PrivateExecutor(jwt.es256Provider(cacheOn))),
                new RenamedPolicy("private_es256_nocache", new PrivateExecutor(jwt.es256Provider(cacheOff))));
        AuthExecutorRegistry registry = new AuthExecutorRegistry(executors, Map.of());
        DecisionMetrics metrics = new DecisionMetrics(new SimpleMeterRegistry());
        // The default listeners: application events (none listening here) and the audit log.
        events = new AnnotationConfigApplicationContext();
        events.refresh();
        authService = new AuthService(registry,
                List.of(metrics, new ApplicationEventDecisionPublisher(events), new AuditLogSink()),
                ClientAddressSource.PEER, Clock.systemUTC(), null);
        withoutAudit = new AuthService(registry, metrics);
        // What Spring Boot's Actuator sets up: observations measured by a meter handler.
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        observed = new AuthService(registry,
                List.of(metrics, new ApplicationEventDecisionPublisher(events), new AuditLogSink()),
                ClientAddressSource.PEER, Clock.systemUTC(), observations);

        publicPolicy = decision("public", Map.of());
        internalPolicy = decision("internal", Map.of());
        sharedApiKeyPolicy = decision("shared_api_key", Map.of("X-API-KEY", SHARED_KEY));
        privateHs256 = decision("private", bearer(jwt.hs256Token()));
        privateHs256Uncached = decision("private_hs256_nocache", bearer(jwt.hs256Token()));
        privateRs256Cached = decision("private_rs256", bearer(jwt.rs256Token()));
        privateRs256Uncached = decision("private_rs256_nocache", bearer(jwt.rs256Token()));
        privateEs256Cached = decision("private_es256", bearer(jwt.es256Token()));
        privateEs256Uncached = decision("private_es256_nocache", bearer(jwt.es256Token()));
    }

    @Benchmark
    public AuthenticatedUser authorizePublic() {
        return publicPolicy.run(authService);
    }

    @Benchmark
    public AuthenticatedUser authorizePublicWithoutAudit() {
        return publicPolicy.run(withoutAudit);
    }

    @Benchmark
    public AuthenticatedUser authorizePublicObserved() {
        return publicPolicy.run(observed);
    }

    @Benchmark
    public AuthenticatedUser authorizePrivateHs256Uncached() {
        return privateHs256Uncached.run(authService);
    }

    @Benchmark
    public AuthenticatedUser authorizeInternal() {
        return internalPolicy.run(authService);
    }

    @Benchmark
    public AuthenticatedUser authorizeSharedApiKey() {
        return sharedApiKeyPolicy.run(authService);
    }

    @Benchmark
    public AuthenticatedUser authorizePrivateHs256() {
        return privateHs256.run(authService);
    }

    @Benchmark
    public AuthenticatedUser authorizePrivateRs256Cached() {
        return privateRs256Cached.run(authService);
    }

    @Benchmark
    public AuthenticatedUser authorizePrivateRs256Uncached() {
        return privateRs256Uncached.run(authService);
    }

    @Benchmark
    public AuthenticatedUser authorizePrivateEs256Cached() {
        return privateEs256Cached.run(authService);
    }

    @Benchmark
    public AuthenticatedUser authorizePrivateEs256Uncached() {
        return privateEs256Uncached.run(authService);
    }

    @TearDown
    public void tearDown() {
        events.close();
    }

    private Decision decision(String policy, Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        SecurityRequestContext context = SecurityRequestContext.builder("127.0.0.1", RequestHeaders.of(multi), "GET",
                "/bench").build();
        Decision decision = new Decision(authService.registry().get(policy), context);
        // Fail at set-up, not in the middle of a measurement, if a policy would deny.
        decision.run(authService);
        return decision;
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** A resolved policy and the request it decides. */
    private record Decision(AuthExecutor executor, SecurityRequestContext context) {

        AuthenticatedUser run(AuthService service) {
            return service.authorize(context, executor);
        }
    }
}
