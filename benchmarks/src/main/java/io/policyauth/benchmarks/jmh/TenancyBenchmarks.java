package io.policyauth.benchmarks.jmh;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.Policies;
import io.policyauth.core.RequestHeaders;
import io.policyauth.core.Requirements;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.core.TenantIsolation;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.VerifiedTokenCacheSettings;
import io.policyauth.tenant.InMemoryTenantRoleStore;
import io.policyauth.tenant.PlatformRoles;
import io.policyauth.tenant.TenantActor;
import io.policyauth.tenant.TenantLimits;
import io.policyauth.tenant.TenantPermissionResolver;
import io.policyauth.tenant.TenantRoles;

/**
 * What tenancy adds to a {@code private} HS256 decision with a warm token cache: the tenant the
 * request names read from its path variable, the caller admitted to it, and its permissions resolved
 * from the tenant's roles and checked, against the same decision without tenancy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TenancyBenchmarks {

    private AuthService authService;
    private AuthExecutor plain;
    private AuthExecutor isolated;
    private SecurityRequestContext request;

    @Setup
    public void setUp() {
        JwtFixture jwt = new JwtFixture();
        AuthExecutor privateHs256 = new PrivateExecutor(jwt.hs256Provider(VerifiedTokenCacheSettings.defaults()));
        authService = new AuthService(new AuthExecutorRegistry(List.of(privateHs256), Map.of()),
                new DecisionMetrics(new SimpleMeterRegistry()));
        InMemoryTenantRoleStore store = new InMemoryTenantRoleStore();
        TenantRoles roles = new TenantRoles(store, PlatformRoles.NONE, Set.of(), TenantLimits.DEFAULTS, List.of(),
                Clock.systemUTC());
        TenantActor setup = TenantActor.application("benchmark");
        roles.define(setup, "acme", "billing", Set.of("invoices:read"), null);
        roles.assign(setup, "acme", JwtFixture.SUBJECT, Set.of("billing"));
        TenantIsolation isolation = new TenantIsolation("tenantId", null, null, Set.of("platform-admin"));
        plain = privateHs256;
        isolated = Policies.withRequirements(Policies.isolated(Policies.resolvingPermissions(privateHs256,
                new TenantPermissionResolver(PlatformRoles.NONE, store)), isolation, isolation.binding("")),
                Requirements.of(List.of(), List.of(), List.of("invoices:read")));
        request = SecurityRequestContext.builder("127.0.0.1", RequestHeaders.of(Map.of("Authorization",
                List.of("Bearer " + jwt.hs256TenantToken("acme")))), "GET", "/tenants/acme/invoices")
                .pathVariables(Map.of("tenantId", "acme")).build();
        // Fail at set-up, not in a measurement, if either would deny.
        authService.authorize(request, plain);
        authService.authorize(request, isolated);
    }

    @Benchmark
    public AuthenticatedUser privateHs256() {
        return authService.authorize(request, plain);
    }

    @Benchmark
    public AuthenticatedUser privateHs256TenantIsolatedWithPermission() {
        return authService.authorize(request, isolated);
    }
}
