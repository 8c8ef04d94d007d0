package io.policyauth.benchmarks.jmh;

import java.net.InetSocketAddress;
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
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Schedulers;

import io.policyauth.benchmarks.JwtFixture;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.Decision;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.Enforcement;
import io.policyauth.core.PublicExecutor;
import io.policyauth.core.Requirements;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.VerifiedTokenCacheSettings;
import io.policyauth.web.EffectivePolicy;
import io.policyauth.web.PolicySource;
import io.policyauth.web.reactive.ReactivePolicyRunner;

/**
 * What the WebFlux front adds to a decision: {@link AuthService#authorize} called directly, against
 * {@link ReactivePolicyRunner#decide} (which also reads the request into a context) inline (CPU-only
 * policies) and offloaded to the bounded elastic scheduler (policies that may block), each
 * subscribed and waited for as one request would be.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReactiveDecisionBenchmarks {

    private AuthService authService;
    private ReactivePolicyRunner decisions;
    private SecurityRequestContext anonymous;
    private SecurityRequestContext bearer;
    private ServerWebExchange anonymousExchange;
    private ServerWebExchange bearerExchange;
    private EffectivePolicy publicPolicy;
    private EffectivePolicy publicPolicyOffloaded;
    private EffectivePolicy privateHs256;

    @Setup
    public void setUp() {
        JwtFixture jwt = new JwtFixture();
        AuthExecutor hs256 = new PrivateExecutor(jwt.hs256Provider(VerifiedTokenCacheSettings.defaults()));
        authService = new AuthService(new AuthExecutorRegistry(List.of(new PublicExecutor(), hs256), Map.of()),
                new DecisionMetrics(new SimpleMeterRegistry()));
        decisions = new ReactivePolicyRunner(authService, Schedulers.boundedElastic());
        anonymous = SecurityRequestContext.of("127.0.0.1", Map.of());
        bearer = SecurityRequestContext.of("127.0.0.1", Map.of("Authorization", List.of("Bearer " + jwt.hs256Token())));
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 40000);
        anonymousExchange = MockServerWebExchange.from(MockServerHttpRequest.get("/").remoteAddress(loopback));
        bearerExchange = MockServerWebExchange.from(MockServerHttpRequest.get("/").remoteAddress(loopback)
                .header("Authorization", "Bearer " + jwt.hs256Token()));
        publicPolicy = policy(new PublicExecutor());
        // The same public policy, taken to block: it pays the scheduler hop and nothing else.
        publicPolicyOffloaded = policy(new Blocking(new PublicExecutor()));
        privateHs256 = policy(hs256);
    }

    @Benchmark
    public AuthenticatedUser publicDirect() {
        return authService.authorize(anonymous, publicPolicy.executor());
    }

    @Benchmark
    public Decision publicReactiveInline() {
        return decisions.decide(anonymousExchange, publicPolicy).block();
    }

    @Benchmark
    public Decision publicReactiveOffloaded() {
        return decisions.decide(anonymousExchange, publicPolicyOffloaded).block();
    }

    @Benchmark
    public AuthenticatedUser privateHs256Direct() {
        return authService.authorize(bearer, privateHs256.executor());
    }

    @Benchmark
    public Decision privateHs256ReactiveInline() {
        return decisions.decide(bearerExchange, privateHs256).block();
    }

    private static EffectivePolicy policy(AuthExecutor executor) {
        return new EffectivePolicy(List.of(executor.policy()), Requirements.NONE, executor, PolicySource.ANNOTATION,
                Enforcement.ENFORCE);
    }

    /** A policy that says it may block, as a custom one that does not override {@code mayBlock()}. */
    private record Blocking(AuthExecutor delegate) implements AuthExecutor {

        @Override
        public String policy() {
            return delegate.policy();
        }

        @Override
        public AuthenticatedUser execute(SecurityRequestContext context) {
            return delegate.execute(context);
        }
    }
}
