package io.policyauth.benchmarks.jmh;

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
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.ServletRequestPathUtils;

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
import io.policyauth.web.servlet.PolicyInterceptor;
import io.policyauth.web.servlet.ServletResponseWriter;

/**
 * The Spring MVC front's own work per request, outside the web server and the dispatcher: the
 * interceptor on a parsed request, for an exempt handler (the load run's unprotected endpoint),
 * {@code public}, {@code shared_api_key} and {@code private} (HS256, a token seen before), with the
 * listeners an application has by default (metrics, the audit line). The part of a decided request
 * that {@code authorize} does not measure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ServletInterceptorBenchmarks {

    private static final String KEY = "benchmark-shared-key-0123456789";

    private PolicyInterceptor interceptor;
    private PolicyInterceptor publishing;
    private MockHttpServletResponse response;
    private MockHttpServletRequest exemptRequest;
    private MockHttpServletRequest publicRequest;
    private MockHttpServletRequest keyRequest;
    private MockHttpServletRequest tokenRequest;
    private HandlerMethod exempt;
    private HandlerMethod publicHandler;
    private HandlerMethod keyHandler;
    private HandlerMethod tokenHandler;

    @Setup
    public void setUp() throws Exception {
        JwtFixture jwt = new JwtFixture();
        AuthExecutorRegistry registry = new AuthExecutorRegistry(List.of(new PublicExecutor(),
                new SharedApiKeyExecutor("X-API-KEY", List.of(KEY)),
                new PrivateExecutor(jwt.hs256Provider(VerifiedTokenCacheSettings.defaults()))), Map.of());
        AuthService authService = new AuthService(registry, List.of(new DecisionMetrics(new SimpleMeterRegistry()),
                new AuditLogSink()), ClientAddressSource.PEER, Clock.systemUTC(), null);
        EffectivePolicies policies = new EffectivePolicies(authService, "public", List.of(),
                new PolicyModes(Enforcement.ENFORCE, Map.of()), (type, path) -> type == Exempt.class);
        interceptor = new PolicyInterceptor(policies, authService, new ServletResponseWriter());
        // As an application has it by default: the application event publisher, nobody listening.
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();
        AuthService withEvents = new AuthService(registry, List.of(new DecisionMetrics(new SimpleMeterRegistry()),
                new AuditLogSink(), new ApplicationEventDecisionPublisher(context)), ClientAddressSource.PEER,
                Clock.systemUTC(), null);
        publishing = new PolicyInterceptor(new EffectivePolicies(withEvents, "public", List.of(),
                new PolicyModes(Enforcement.ENFORCE, Map.of()), (type, path) -> false), withEvents,
                new ServletResponseWriter());
        response = new MockHttpServletResponse();
        Guarded handlers = new Guarded();
        exempt = new HandlerMethod(new Exempt(), Exempt.class.getDeclaredMethod("plain"));
        publicHandler = new HandlerMethod(handlers, Guarded.class.getDeclaredMethod("publicPolicy"));
        keyHandler = new HandlerMethod(handlers, Guarded.class.getDeclaredMethod("sharedKey"));
        exemptRequest = request("/plain");
        publicRequest = request("/public");
        keyRequest = request("/shared");
        keyRequest.addHeader("X-API-KEY", KEY);
        tokenHandler = new HandlerMethod(handlers, Guarded.class.getDeclaredMethod("privateHs256"));
        tokenRequest = request("/private/hs256");
        tokenRequest.addHeader("Authorization", "Bearer " + jwt.hs256Token());
        if (!interceptor.preHandle(keyRequest, response, keyHandler)
                || !interceptor.preHandle(tokenRequest, response, tokenHandler)) {
            throw new IllegalStateException("the shared key or the token was refused");
        }
    }

    @Benchmark
    public boolean exemptHandler() throws Exception {
        return interceptor.preHandle(exemptRequest, response, exempt);
    }

    @Benchmark
    public Object publicPolicy() throws Exception {
        interceptor.preHandle(publicRequest, response, publicHandler);
        return publicRequest.getAttribute(PolicyAuthAttributes.USER);
    }

    @Benchmark
    public Object publicPolicyWithApplicationEvents() throws Exception {
        publishing.preHandle(publicRequest, response, publicHandler);
        return publicRequest.getAttribute(PolicyAuthAttributes.USER);
    }

    @Benchmark
    public Object sharedApiKey() throws Exception {
        interceptor.preHandle(keyRequest, response, keyHandler);
        return keyRequest.getAttribute(PolicyAuthAttributes.USER);
    }

    /** A token seen before: the verified-token cache answers, as for every request after a client's first. */
    @Benchmark
    public Object privateHs256() throws Exception {
        interceptor.preHandle(tokenRequest, response, tokenHandler);
        return tokenRequest.getAttribute(PolicyAuthAttributes.USER);
    }

    /* Parsed as Spring MVC parses it before the interceptor runs. */
    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr("127.0.0.1");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
