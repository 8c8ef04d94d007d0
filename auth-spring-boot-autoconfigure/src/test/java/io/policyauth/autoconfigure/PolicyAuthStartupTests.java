package io.policyauth.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.autoconfigure.web.servlet.PolicyAuthWebMvcAutoConfiguration;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.servlet.PolicyInterceptor;

class PolicyAuthStartupTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, PolicyAuthAutoConfiguration.class,
                    PolicyAuthWebMvcAutoConfiguration.class));

    @Test
    void annotationNamingAnUnknownPolicyStopsStartNamingHandlerAndKnownPolicies() {
        runner.withUserConfiguration(UnknownPolicyController.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Unknown policy 'nope'")
                    .hasMessageContaining("Known policies: [public]");
            assertThat(context.getStartupFailure()).hasMessageContaining(UnknownPolicyController.class.getName()
                    + "#get");
        });
    }

    @Test
    void annotationNamingAnUnconfiguredBuiltInPolicySaysWhatToSet() {
        runner.withUserConfiguration(PrivateController.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageContaining("Unknown policy 'private'")
                    .hasMessageContaining("policy-auth.jwt.secret");
        });
    }

    @Test
    void unannotatedHandlerWithAnUnregisteredDefaultPolicyStopsStart() {
        runner.withUserConfiguration(UnannotatedController.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageContaining("policy-auth.default-policy")
                    .hasMessageContaining("Unknown policy 'private'");
        });
    }

    @Test
    void applicationWhoseHandlersAreAllAnnotatedStartsWithoutTheDefaultPolicysBackend() {
        runner.withUserConfiguration(PublicController.class)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PolicyInterceptor.class));
    }

    @Test
    void duplicatePolicyNamesStopStart() {
        runner.withUserConfiguration(DuplicateExecutors.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Policy 'twin' is registered twice");
        });
    }

    @Test
    void userExecutorBeanAddsAPolicy() {
        runner.withUserConfiguration(CountingExecutorConfig.class, CountingController.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AuthService.class).registry().policies()).contains("counting", "public");
        });
    }

    @Test
    void policiesInUseAreActivatedOnceAndUnusedOnesNever() {
        runner.withUserConfiguration(CountingExecutorConfig.class, CountingController.class).run(context -> {
            assertThat(context.getBean("counting", CountingExecutor.class).activations.get()).isEqualTo(1);
            assertThat(context.getBean("unused", CountingExecutor.class).activations.get()).isZero();
        });
    }

    @Test
    void masterSwitchOffConfiguresNothing() {
        runner.withPropertyValues("policy-auth.enabled=false").withUserConfiguration(UnknownPolicyController.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AuthService.class)
                        .doesNotHaveBean(PolicyInterceptor.class));
    }

    @Test
    void userAuthServiceBacksOffOurs() {
        runner.withUserConfiguration(CustomAuthService.class, PublicController.class)
                .run(context -> assertThat(context).getBean(AuthService.class)
                        .isSameAs(context.getBean(CustomAuthService.class).service));
    }

    @Test
    void compositeNamingAnUnknownPolicyStopsStart() {
        runner.withUserConfiguration(PublicController.class)
                .withPropertyValues("policy-auth.policies.partner.any-of=public,nope").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("Policy 'partner' names policy 'nope'");
                });
    }

    @Test
    void compositeCycleStopsStart() {
        runner.withUserConfiguration(PublicController.class)
                .withPropertyValues("policy-auth.policies.a.all-of=b", "policy-auth.policies.b.any-of=public,a")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("cycle: a -> b -> a");
                });
    }

    @Test
    void compositeWithBothOrNeitherCombinationStopsStart() {
        runner.withUserConfiguration(PublicController.class)
                .withPropertyValues("policy-auth.policies.x.any-of=public", "policy-auth.policies.x.all-of=public")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("policy-auth.policies.x: set exactly one of any-of and all-of"));
    }

    @Test
    void wildcardInARequiredScopeStopsStart() {
        runner.withUserConfiguration(WildcardController.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageContaining(WildcardController.class.getName())
                    .hasMessageContaining("'orders:*'");
        });
        runner.withUserConfiguration(PublicController.class)
                .withPropertyValues("policy-auth.policies.x.any-of=public", "policy-auth.policies.x.scopes=*:*")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("policy-auth.policies.x: Required scope '*:*' is invalid"));
    }

    @Test
    void routeNamingAnUnknownPolicyStopsStart() {
        runner.withUserConfiguration(PublicController.class)
                .withPropertyValues("policy-auth.routes[0].pattern=/admin/**", "policy-auth.routes[0].policy=ops")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining(
                            "Route /admin/** names policy 'ops': Unknown policy 'ops'. Known policies: [public].");
                });
    }

    @Test
    void routeCoveringAnUnannotatedHandlerSparesTheDefaultPolicy() {
        runner.withUserConfiguration(UnannotatedController.class)
                .withPropertyValues("policy-auth.routes[0].pattern=/**", "policy-auth.routes[0].policy=public")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @RestController
    static class WildcardController {

        @GetMapping("/x")
        @RequiresPolicy(value = "public", scopes = "orders:*")
        String get() {
            return "x";
        }
    }

    @RestController
    static class UnknownPolicyController {

        @GetMapping("/x")
        @RequiresPolicy("nope")
        String get() {
            return "x";
        }
    }

    @RestController
    static class PrivateController {

        @GetMapping("/x")
        @RequiresPolicy("private")
        String get() {
            return "x";
        }
    }

    @RestController
    static class UnannotatedController {

        @GetMapping("/x")
        String get() {
            return "x";
        }
    }

    @RestController
    @RequiresPolicy("public")
    static class PublicController {

        @GetMapping("/x")
        String get() {
            return "x";
        }
    }

    @RestController
    static class CountingController {

        @GetMapping("/a")
        @RequiresPolicy("counting")
        String a() {
            return "a";
        }

        @GetMapping("/b")
        @RequiresPolicy({"public", "counting"})
        String b() {
            return "b";
        }
    }

    static class CountingExecutor implements AuthExecutor {

        final AtomicInteger activations = new AtomicInteger();
        private final String policy;

        CountingExecutor(String policy) {
            this.policy = policy;
        }

        @Override
        public String policy() {
            return policy;
        }

        @Override
        public void activate() {
            activations.incrementAndGet();
        }

        @Override
        public AuthenticatedUser execute(SecurityRequestContext context) {
            return AuthenticatedUser.anonymous();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CountingExecutorConfig {

        @Bean
        CountingExecutor counting() {
            return new CountingExecutor("counting");
        }

        @Bean
        CountingExecutor unused() {
            return new CountingExecutor("unused");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DuplicateExecutors {

        @Bean
        AuthExecutor one() {
            return new CountingExecutor("twin");
        }

        @Bean
        AuthExecutor two() {
            return new CountingExecutor("twin");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomAuthService {

        final AuthService service = new AuthService(
                new io.policyauth.core.AuthExecutorRegistry(java.util.List.of(new io.policyauth.core.PublicExecutor()),
                        java.util.Map.of()),
                new io.policyauth.core.DecisionMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));

        @Bean
        AuthService authService() {
            return service;
        }
    }
}
