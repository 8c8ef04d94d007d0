package io.policyauth.autoconfigure.network;

import java.util.List;
import java.util.Map;

import io.policyauth.core.ForbiddenException;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.network.CidrSet;
import io.policyauth.network.ClientAddressResolver;
import io.policyauth.network.InternalExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InternalPolicyAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(InternalPolicyAutoConfiguration.class));

    @Test
    void noAllowedCidrsMeansNoPolicy() {
        runner.withPropertyValues("policy-auth.internal.trusted-proxies=10.0.0.1")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InternalExecutor.class));
    }

    @Test
    void commaSeparatedAllowedCidrs() {
        runner.withPropertyValues("policy-auth.internal.allowed-cidrs=10.0.0.0/8, ::1/128").run(context -> {
            InternalExecutor executor = context.getBean(InternalExecutor.class);
            assertThat(executor.allowed().cidrs()).extracting(Object::toString).containsExactly("10.0.0.0/8", "::1/128");
            assertThat(executor.execute(request("10.1.1.1", Map.of())).subject()).isEqualTo("10.1.1.1");
            assertThat(executor.execute(request("::1", Map.of())).subject()).isEqualTo("::1");
        });
    }

    @Test
    void indexedAllowedCidrsAndTrustedProxies() {
        runner.withPropertyValues("policy-auth.internal.allowed-cidrs[0]=192.168.0.0/16",
                "policy-auth.internal.trusted-proxies[0]=10.0.0.1").run(context -> {
                    InternalExecutor executor = context.getBean(InternalExecutor.class);
                    assertThat(executor.execute(request("10.0.0.1", Map.of("X-Forwarded-For", List.of("192.168.3.4"))))
                            .subject()).isEqualTo("192.168.3.4");
                    assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> executor
                            .execute(request("10.0.0.2", Map.of("X-Forwarded-For", List.of("192.168.3.4")))));
                });
    }

    @Test
    void badAllowedCidrFailsStartNamingPropertyAndValue() {
        runner.withPropertyValues("policy-auth.internal.allowed-cidrs=10.0.0.0/8,10.0.0.0/33").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("Property policy-auth.internal.allowed-cidrs[1] with value")
                    .hasStackTraceContaining("Invalid CIDR '10.0.0.0/33'");
        });
    }

    @Test
    void hostNameFailsStartWithoutBeingResolved() {
        runner.withPropertyValues("policy-auth.internal.allowed-cidrs=intranet.invalid/8").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("Property policy-auth.internal.allowed-cidrs[0] with value")
                    .hasStackTraceContaining("Invalid CIDR 'intranet.invalid/8'")
                    .hasStackTraceContaining("host names are not resolved");
        });
    }

    @Test
    void badTrustedProxyFailsStartNamingPropertyAndValue() {
        runner.withPropertyValues("policy-auth.internal.allowed-cidrs=10.0.0.0/8",
                "policy-auth.internal.trusted-proxies=localhost").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("Property policy-auth.internal.trusted-proxies[0] with value")
                    .hasStackTraceContaining("Invalid CIDR 'localhost'");
                });
    }

    @Test
    void disabledPolicyAuthRegistersNothing() {
        runner.withPropertyValues("policy-auth.enabled=false", "policy-auth.internal.allowed-cidrs=10.0.0.0/8")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InternalExecutor.class));
    }

    @Test
    void userDefinedExecutorMakesOursBackOff() {
        runner.withUserConfiguration(OwnExecutor.class)
                .withPropertyValues("policy-auth.internal.allowed-cidrs=10.0.0.0/8").run(context -> {
                    assertThat(context).hasSingleBean(InternalExecutor.class);
                    assertThat(context.getBean(InternalExecutor.class).allowed().cidrs())
                            .extracting(Object::toString).containsExactly("127.0.0.1/32");
                });
    }

    private static SecurityRequestContext request(String peer, Map<String, List<String>> headers) {
        return SecurityRequestContext.of(peer, headers);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnExecutor {

        @Bean
        InternalExecutor ownInternalExecutor() {
            return new InternalExecutor(CidrSet.parse(List.of("127.0.0.1")), new ClientAddressResolver(CidrSet.empty()));
        }
    }
}
