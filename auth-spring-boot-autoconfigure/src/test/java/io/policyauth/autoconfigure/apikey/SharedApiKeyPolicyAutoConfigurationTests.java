package io.policyauth.autoconfigure.apikey;

import java.util.List;
import java.util.Map;

import io.policyauth.apikey.SharedApiKeyExecutor;
import io.policyauth.core.SecurityRequestContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SharedApiKeyPolicyAutoConfigurationTests {

    private static final String KEY_1 = "first-shared-key-0123456789";
    private static final String KEY_2 = "second-shared-key-987654321";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SharedApiKeyPolicyAutoConfiguration.class));

    @Test
    void noSharedKeysMeansNoPolicy() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SharedApiKeyExecutor.class));
    }

    @Test
    void emptySharedKeysMeansNoPolicy() {
        runner.withPropertyValues("policy-auth.api-key.shared-keys=")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SharedApiKeyExecutor.class));
    }

    @Test
    void indexedSharedKeysRegisterThePolicy() {
        runner.withPropertyValues("policy-auth.api-key.shared-keys[0]=" + KEY_1,
                "policy-auth.api-key.shared-keys[1]=" + KEY_2).run(context -> {
                    SharedApiKeyExecutor executor = context.getBean(SharedApiKeyExecutor.class);
                    assertThat(executor.headerName()).isEqualTo("X-API-KEY");
                    assertThat(executor.execute(request("X-API-KEY", KEY_2)).subject()).isEqualTo("shared-key-2");
                });
    }

    @Test
    void commaSeparatedSharedKeysAndCustomHeader() {
        runner.withPropertyValues("policy-auth.api-key.shared-keys=" + KEY_1 + "," + KEY_2,
                "policy-auth.api-key.header-name=X-Service-Key").run(context -> {
                    SharedApiKeyExecutor executor = context.getBean(SharedApiKeyExecutor.class);
                    assertThat(executor.headerName()).isEqualTo("X-Service-Key");
                    assertThat(executor.execute(request("X-Service-Key", KEY_1)).subject()).isEqualTo("shared-key-1");
                    assertThat(executor.execute(request("X-Service-Key", KEY_2)).subject()).isEqualTo("shared-key-2");
                });
    }

    @Test
    void shortSharedKeyFailsStartWithoutEchoingIt() {
        String shortKey = "too-short-key";
        runner.withPropertyValues("policy-auth.api-key.shared-keys=" + KEY_1 + "," + shortKey).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().hasMessage("Shared API key #2 is shorter than 16 characters");
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                assertThat(cause.getMessage()).doesNotContain(shortKey);
            }
            assertThat(failure).hasStackTraceContaining("policy-auth.api-key.shared-keys: Shared API key #2");
        });
    }

    @Test
    void disabledPolicyAuthRegistersNothing() {
        runner.withPropertyValues("policy-auth.enabled=false", "policy-auth.api-key.shared-keys=" + KEY_1)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SharedApiKeyExecutor.class));
    }

    @Test
    void userDefinedExecutorMakesOursBackOff() {
        runner.withUserConfiguration(OwnExecutor.class)
                .withPropertyValues("policy-auth.api-key.shared-keys=" + KEY_1)
                .run(context -> assertThat(context).hasSingleBean(SharedApiKeyExecutor.class)
                        .getBean(SharedApiKeyExecutor.class).isSameAs(context.getBean("ownSharedApiKeyExecutor")));
    }

    private static SecurityRequestContext request(String header, String value) {
        return SecurityRequestContext.of("10.0.0.1", Map.of(header, List.of(value)));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnExecutor {

        @Bean
        SharedApiKeyExecutor ownSharedApiKeyExecutor() {
            return new SharedApiKeyExecutor("X-Own-Key", List.of(KEY_2));
        }
    }
}
