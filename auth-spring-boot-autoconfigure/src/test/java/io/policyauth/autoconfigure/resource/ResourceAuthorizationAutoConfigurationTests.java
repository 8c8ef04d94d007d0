package io.policyauth.autoconfigure.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.TenantIsolation;
import io.policyauth.resource.Resource;
import io.policyauth.resource.ResourceAuthorizer;
import io.policyauth.resource.ResourceChecks;
import io.policyauth.resource.ResourceDecision;
import io.policyauth.resource.ResourceFilter;
import io.policyauth.resource.TenantScopedResourceAuthorizer;
import io.policyauth.resource.cerbos.CerbosResourceAuthorizer;

/**
 * The engine is configured only when named, and its settings are checked at start; an application's
 * own engine gets the same checks, and under tenancy every engine is kept inside the caller's tenant.
 */
class ResourceAuthorizationAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CerbosAutoConfiguration.class,
                    ResourceAuthorizationAutoConfiguration.class));

    @Test
    void noEngineNoAuthorizer() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ResourceAuthorizer.class);
            assertThat(context).doesNotHaveBean(ResourceChecks.class);
        });
    }

    @Test
    void cerbosIsTheAuthorizerWhenNamed() {
        runner.withPropertyValues("policy-auth.resources.engine=cerbos",
                "policy-auth.resources.cerbos.url=http://127.0.0.1:3592").run(context -> {
                    assertThat(context).getBean(ResourceAuthorizer.class).isInstanceOf(CerbosResourceAuthorizer.class);
                    assertThat(context).hasSingleBean(ResourceChecks.class);
                });
    }

    @Test
    void anInvalidSettingStopsTheStartNamingIt() {
        runner.withPropertyValues("policy-auth.resources.engine=cerbos",
                "policy-auth.resources.cerbos.max-concurrent-requests=0").run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause()
                                .hasMessageContaining("max-concurrent-requests"));
    }

    @Test
    void anApplicationsOwnEngineGetsTheChecksAndUnderTenancyStaysInTheTenant() {
        OwnEngine own = new OwnEngine();
        runner.withBean(ResourceAuthorizer.class, () -> own).run(context -> {
            assertThat(context).getBean(ResourceAuthorizer.class).isSameAs(own);
            assertThat(context).hasSingleBean(ResourceChecks.class);
        });
        runner.withBean(ResourceAuthorizer.class, () -> own)
                .withBean(TenantIsolation.class, () -> new TenantIsolation("tenantId", null, null, Set.of("support")))
                .run(context -> assertThat(context).getBean(ResourceAuthorizer.class)
                        .isInstanceOfSatisfying(TenantScopedResourceAuthorizer.class,
                                scoped -> assertThat(scoped.engine()).isSameAs(own)));
    }

    /** Another engine than Cerbos, as an application brings one. */
    private static final class OwnEngine implements ResourceAuthorizer {

        @Override
        public ResourceDecision check(AuthenticatedUser user, Resource resource, String action) {
            return new ResourceDecision(resource, action, false, null);
        }

        @Override
        public List<ResourceDecision> checkAll(AuthenticatedUser user, List<Resource> resources,
                Collection<String> actions) {
            return resources.stream().flatMap(resource -> actions.stream().map(action ->
                    check(user, resource, action))).toList();
        }

        @Override
        public ResourceFilter plan(AuthenticatedUser user, String kind, String action) {
            return ResourceFilter.ALWAYS_DENIED;
        }
    }
}
