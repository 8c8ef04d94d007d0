package io.policyauth.benchmarks.jmh;

import java.net.InetSocketAddress;
import java.time.Clock;
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
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.policyauth.apikey.SharedApiKeyExecutor;
import io.policyauth.audit.ApplicationEventDecisionPublisher;
import io.policyauth.audit.AuditLogSink;
import io.policyauth.benchmarks.JwtFixture;
import io.policyauth.benchmarks.jmh.FrontHandlers.Exempt;
import io.policyauth.benchmarks.jmh.FrontHandlers.Guarded;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.Enforcement;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.PublicExecutor;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.VerifiedTokenCacheSettings;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.PolicyAuthAttributes;
import io.policyauth.web.reactive.PolicyWebFilter;
import io.policyauth.web.reactive.ReactivePolicyRunner;

/**
 * The WebFlux front's own work per request, outside the server and the dispatcher: the filter on a
 * request whose handler one mapping finds, for an exempt handler (the load run's unprotected
 * endpoint), {@code public}, {@code shared_api_key} and {@code private} (HS256, a token seen before),
 * with the listeners an application has by default (metrics, the audit line, the application event
 * publisher, nobody listening), subscribed and waited for as one request would be. The counterpart
 * of {@link ServletInterceptorBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReactiveWebFilterBenchmarks {

    private static final String KEY = "benchmark-shared-key-0123456789";
    private static final WebFilterChain CHAIN = exchange -> Mono.empty();

    private PolicyWebFilter exemptFilter;
    private PolicyWebFilter publicFilter;
    private PolicyWebFilter keyFilter;
    private PolicyWebFilter tokenFilter;
    private ServerWebExchange exemptExchange;
    private ServerWebExchange publicExchange;
    private ServerWebExchange keyExchange;
    private ServerWebExchange tokenExchange;

    @Setup
    public void setUp() throws Exception {
        JwtFixture jwt = new JwtFixture();
        AuthExecutorRegistry registry = new AuthExecutorRegistry(List.of(new PublicExecutor(),
                new SharedApiKeyExecutor("X-API-KEY", List.of(KEY)),
                new PrivateExecutor(jwt.hs256Provider(VerifiedTokenCacheSettings.defaults()))), Map.of());
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();
        AuthService authService = new AuthService(registry, List.of(new DecisionMetrics(new SimpleMeterRegistry()),
                new AuditLogSink(), new ApplicationEventDecisionPublisher(context)), ClientAddressSource.PEER,
                Clock.systemUTC(), null);
        EffectivePolicies policies = new EffectivePolicies(authService, "public", List.of(),
                new PolicyModes(Enforcement.ENFORCE, Map.of()), (type, path) -> type == Exempt.class);
        ReactivePolicyRunner runner = new ReactivePolicyRunner(authService, Schedulers.boundedElastic());
        Guarded handlers = new Guarded();
        exemptFilter = filter(new HandlerMethod(new Exempt(), Exempt.class.getDeclaredMethod("plain")), policies,
                runner);
        publicFilter = filter(new HandlerMethod(handlers, Guarded.class.getDeclaredMethod("publicPolicy")), policies,
                runner);
        keyFilter = filter(new HandlerMethod(handlers, Guarded.class.getDeclaredMethod("sharedKey")), policies,
                runner);
        exemptExchange = exchange(MockServerHttpRequest.get("/plain"));
        publicExchange = exchange(MockServerHttpRequest.get("/public"));
        keyExchange = exchange(MockServerHttpRequest.get("/shared").header("X-API-KEY", KEY));
        tokenFilter = filter(new HandlerMethod(handlers, Guarded.class.getDeclaredMethod("privateHs256")), policies,
                runner);
        tokenExchange = exchange(MockServerHttpRequest.get("/private/hs256")
                .header("Authorization", "Bearer " + jwt.hs256Token()));
        if (decide(keyFilter, keyExchange) == null || decide(tokenFilter, tokenExchange) == null) {
            throw new IllegalStateException("the shared key or the token was refused");
        }
    }

    /*
     * Each call starts with no attributes, as a new exchange does: the filter would otherwise find
     * the previous call's decision for the same request and keep it.
     */
    @Benchmark
    public Object exemptHandler() {
        exemptExchange.getAttributes().clear();
        return exemptFilter.filter(exemptExchange, CHAIN).block();
    }

    @Benchmark
    public Object publicPolicy() {
        return decide(publicFilter, publicExchange);
    }

    @Benchmark
    public Object sharedApiKey() {
        return decide(keyFilter, keyExchange);
    }

    /** A token seen before: the verified-token cache answers, as for every request after a client's first. */
    @Benchmark
    public Object privateHs256() {
        return decide(tokenFilter, tokenExchange);
    }

    private static Object decide(PolicyWebFilter filter, ServerWebExchange exchange) {
        exchange.getAttributes().clear();
        filter.filter(exchange, CHAIN).block();
        return exchange.getAttribute(PolicyAuthAttributes.USER);
    }

    /* One mapping that finds the handler, as the application's would; what it costs is the dispatcher's. */
    private static PolicyWebFilter filter(HandlerMethod handler, EffectivePolicies policies,
            ReactivePolicyRunner runner) {
        HandlerMapping mapping = exchange -> Mono.just(handler);
        return new PolicyWebFilter(() -> List.of(mapping), policies, runner);
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request.remoteAddress(new InetSocketAddress("127.0.0.1", 40000)));
    }
}
