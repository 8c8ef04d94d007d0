package io.policyauth.benchmarks.jmh;

import java.time.Clock;
import java.time.Duration;
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

import io.policyauth.benchmarks.JwtFixture;
import io.policyauth.benchmarks.RenamedPolicy;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.RequestHeaders;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.VerifiedTokenCacheSettings;
import io.policyauth.ratelimit.InMemoryRateLimiter;
import io.policyauth.ratelimit.RateLimit;
import io.policyauth.ratelimit.RateLimitKey;
import io.policyauth.ratelimit.RateLimitedExecutor;

/**
 * The in-memory rate limit's own cost: {@code private} (HS256, token cache warm) alone and under a
 * limit that is never reached (counted per caller in a Bucket4j bucket, the {@code RateLimit}
 * headers of the grant formatted), side by side, through {@link AuthService#authorize} with metrics.
 * Each fresh {@link SecurityRequestContext} is what a front builds per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RateLimitBenchmarks {

    private AuthService authService;
    private AuthExecutor unlimited;
    private AuthExecutor limited;
    private RequestHeaders headers;

    @Setup
    public void setUp() {
        JwtFixture jwt = new JwtFixture();
        PrivateExecutor privatePolicy = new PrivateExecutor(jwt.hs256Provider(VerifiedTokenCacheSettings.defaults()));
        RateLimit roomy = new RateLimit("roomy", 1_000_000_000L, Duration.ofMinutes(1), 0, RateLimitKey.CALLER);
        AuthExecutor underLimit = new RenamedPolicy("private_limited", new RateLimitedExecutor(privatePolicy, roomy,
                1, new InMemoryRateLimiter(Clock.systemUTC()), ClientAddressSource.PEER));
        AuthExecutorRegistry registry = new AuthExecutorRegistry(List.of(privatePolicy, underLimit), Map.of());
        authService = new AuthService(registry, new DecisionMetrics(new SimpleMeterRegistry()));
        unlimited = registry.get("private");
        limited = registry.get("private_limited");
        headers = RequestHeaders.of(Map.of("Authorization", List.of("Bearer " + jwt.hs256Token())));
        // Fail at set-up, not in the middle of a measurement, if either would deny.
        authorizePrivateHs256();
        authorizePrivateHs256UnderARateLimit();
    }

    @Benchmark
    public AuthenticatedUser authorizePrivateHs256() {
        return authService.authorize(context(), unlimited);
    }

    @Benchmark
    public AuthenticatedUser authorizePrivateHs256UnderARateLimit() {
        return authService.authorize(context(), limited);
    }

    private SecurityRequestContext context() {
        return SecurityRequestContext.builder("127.0.0.1", headers, "GET", "/bench").build();
    }
}
