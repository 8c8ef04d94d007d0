package io.policyauth.autoconfigure.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.policyauth.autoconfigure.PolicyAuthAutoConfiguration;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.remote.RemoteAuthorizerExecutor;
import io.policyauth.web.servlet.BodyCopyFilter;

class RemotePolicyAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(PolicyAuthAutoConfiguration.class, RemotePolicyAutoConfiguration.class));

    @Test
    void eachEntryRegistersAPolicy() {
        runner.withPropertyValues("policy-auth.remote.gateway.endpoint=http://127.0.0.1:9/authorize",
                "policy-auth.remote.billing.endpoint=https://auth.internal/billing",
                "policy-auth.remote.billing.cache-ttl=30s").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(RemoteAuthorizerExecutor.class)).hasSize(2);
                    assertThat(context.getBean(AuthExecutorRegistry.class).policies()).contains("gateway", "billing");
                    assertThat(context.getBean(AuthExecutorRegistry.class).get("billing"))
                            .isInstanceOf(RemoteAuthorizerExecutor.class);
                    assertThat(context).doesNotHaveBean(BodyCopyFilter.class);
                });
    }

    @Test
    void noEntryNoPolicy() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RemoteAuthorizerExecutor.class));
    }

    @Test
    void disabledMeansNoPolicy() {
        runner.withPropertyValues("policy-auth.enabled=false", "policy-auth.remote.gateway.endpoint=http://h/a")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RemoteAuthorizerExecutor.class));
    }

    @Test
    void missingEndpointFailsStartNamingTheProperty() {
        runner.withPropertyValues("policy-auth.remote.gateway.timeout=1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("policy-auth.remote.gateway.endpoint: is required");
        });
    }

    @Test
    void nonHttpEndpointFailsStartNamingTheProperty() {
        runner.withPropertyValues("policy-auth.remote.gateway.endpoint=file:///etc/passwd").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("policy-auth.remote.gateway.endpoint: must be an absolute http or https URL");
        });
    }

    @Test
    void negativeTimeoutFailsStartNamingTheProperty() {
        runner.withPropertyValues("policy-auth.remote.gateway.endpoint=http://127.0.0.1:9/a",
                "policy-auth.remote.gateway.timeout=-1s").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("policy-auth.remote.gateway.timeout: must be positive");
                });
    }

    @Test
    void wildcardRequiredScopeFailsStartNamingThePolicy() {
        runner.withPropertyValues("policy-auth.remote.gateway.endpoint=http://127.0.0.1:9/a",
                "policy-auth.remote.gateway.scopes=orders:*").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("policy-auth.remote.gateway: Required scope");
                });
    }

    @Test
    void includeBodyCopiesBodiesOnServletApplications() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PolicyAuthAutoConfiguration.class,
                        RemotePolicyAutoConfiguration.class))
                .withPropertyValues("policy-auth.remote.gateway.endpoint=http://127.0.0.1:9/a",
                        "policy-auth.remote.gateway.include-body=true",
                        "policy-auth.remote.gateway.max-body-size=2KB")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(BodyCopyFilter.class);
                });
    }
}
