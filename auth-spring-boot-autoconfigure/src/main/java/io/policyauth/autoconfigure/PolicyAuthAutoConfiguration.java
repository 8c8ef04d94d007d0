package io.policyauth.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.ChallengeParameters;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.core.DecisionListener;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.PermissionResolver;
import io.policyauth.core.Policies;
import io.policyauth.core.PolicyComposer;
import io.policyauth.core.PolicyDefinition;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.PublicExecutor;
import io.policyauth.core.RateLimitGuard;

/**
 * The core of policy-auth: the {@code public} policy, the registry of every {@link AuthExecutor}
 * bean, decision metrics and the {@link AuthService}.
 */
@AutoConfiguration
@EnableConfigurationProperties(PolicyAuthProperties.class)
public class PolicyAuthAutoConfiguration {

    /** Core beans, present while {@code policy-auth.enabled} is not false. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnPolicyAuthEnabled
    static class Core {

        /* Before any bean exists: a misspelt or unresolved property must stop the start, not be ignored. */
        @Bean
        static BeanFactoryPostProcessor policyAuthUnknownPropertiesCheck(Environment environment) {
            return new ConfiguredPropertiesCheck(environment);
        }

        @Bean
        @ConditionalOnMissingBean
        PublicExecutor publicExecutor() {
            return new PublicExecutor();
        }

        @Bean
        @ConditionalOnMissingBean
        AuthExecutorRegistry authExecutorRegistry(ObjectProvider<AuthExecutor> executors,
                PolicyAuthProperties properties, ObjectProvider<PermissionResolver> permissions,
                ObjectProvider<Clock> clock, ObjectProvider<RateLimitGuard> rateLimits) {
            // Every policy's callers hold their roles' permissions, for any requirement above it.
            PermissionResolver resolver = permissions.getIfAvailable();
            List<AuthExecutor> beans = executors.orderedStream()
                    .map(executor -> resolver == null ? executor : Policies.resolvingPermissions(executor, resolver))
                    .toList();
            AuthExecutorRegistry fromBeans = new AuthExecutorRegistry(beans, BuiltInPolicies.HINTS);
            List<PolicyDefinition> definitions = ConfiguredPolicies.definitions(properties);
            if (definitions.isEmpty()) {
                return fromBeans;
            }
            List<AuthExecutor> all = new ArrayList<>(beans);
            all.addAll(ConfiguredPolicies.rateLimited(PolicyComposer.compose(fromBeans, definitions,
                    ApplicationClock.of(clock)), properties, rateLimits.getIfAvailable()));
            return new AuthExecutorRegistry(all, BuiltInPolicies.HINTS);
        }

        @Bean
        @ConditionalOnMissingBean
        PolicyModes policyModes(PolicyAuthProperties properties) {
            return ConfiguredPolicies.modes(properties);
        }

        /*
         * Without an application MeterRegistry (no Actuator), decisions go to Micrometer's global
         * registry, which records nothing until someone adds a registry to it.
         */
        @Bean
        @ConditionalOnMissingBean
        DecisionMetrics decisionMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
            return new DecisionMetrics(meterRegistry.getIfAvailable(() -> Metrics.globalRegistry));
        }

        @Bean
        @ConditionalOnMissingBean
        AuthService authService(AuthExecutorRegistry registry, DecisionMetrics metrics,
                ObjectProvider<DecisionListener> listeners, ObjectProvider<ClientAddressSource> clientAddresses,
                ObjectProvider<Clock> clock, ObjectProvider<ObservationRegistry> observations,
                PolicyAuthProperties properties, ListableBeanFactory beans,
                ObjectProvider<ChallengeParameters> challengeParameters) {
            // Metrics first; the audit sinks and any application listener after it, in their order.
            List<DecisionListener> all = new ArrayList<>();
            all.add(metrics);
            listeners.orderedStream().filter(listener -> listener != metrics).forEach(all::add);
            return new AuthService(registry, all, clientAddresses.getIfAvailable(() -> ClientAddressSource.PEER),
                    ApplicationClock.of(clock), DecisionObservations.registry(properties.getObservations().getEnabled(),
                            observations.getIfUnique(), beans), challengeParameters.getIfAvailable());
        }

        /** The refreshes and writes of every mechanism, on one pool, stopped with the context. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        BackgroundTasks policyAuthBackgroundTasks() {
            return new BackgroundTasks(2);
        }

        @Bean
        BackgroundTasksLifecycle policyAuthBackgroundTasksLifecycle(BackgroundTasks tasks) {
            return new BackgroundTasksLifecycle(tasks);
        }
    }

    /** Says loudly that the master switch is off, since nothing is then protected by policy-auth. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "policy-auth.enabled", havingValue = false)
    static class Disabled {

        Disabled() {
            LoggerFactory.getLogger(PolicyAuthAutoConfiguration.class)
                    .warn("policy-auth.enabled=false: no endpoint is protected by policy-auth");
        }
    }
}
