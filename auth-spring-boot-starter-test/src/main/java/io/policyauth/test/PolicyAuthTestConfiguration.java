package io.policyauth.test;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.jwt.JwtProperties;
import io.policyauth.ratelimit.RateLimiter;

/**
 * The beans of the test support, added to every test context by
 * {@link PolicyAuthTestContextCustomizerFactory} and to no other context.
 */
@Configuration(proxyBeanMethods = false)
class PolicyAuthTestConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static PolicyUserExecutors policyAuthPolicyUserExecutors(ObjectProvider<PolicyUsers> users) {
        return new PolicyUserExecutors(users);
    }

    @Bean
    TestRateLimits policyAuthTestRateLimits() {
        return new TestRateLimits();
    }

    /* The application's rate limiter, whichever it is, answers to TestRateLimits. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static BeanPostProcessor policyAuthControlledRateLimiter(ObjectProvider<TestRateLimits> control) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof RateLimiter limiter && !(bean instanceof ControlledRateLimiter)
                        ? new ControlledRateLimiter(limiter, control.getObject()) : bean;
            }
        };
    }

    @Bean
    PolicyUsers policyAuthPolicyUsers() {
        return new PolicyUsers();
    }

    @Bean
    TestKeyPairs policyAuthTestKeyPairs(ObjectProvider<JwtProperties> properties) {
        return new TestKeyPairs(properties.getIfAvailable(JwtProperties::new));
    }

    @Bean
    TestTokens policyAuthTestTokens(ObjectProvider<JwtProperties> properties, TestKeyPairs keys,
            ObjectProvider<Clock> clock) {
        return new TestTokens(properties.getIfAvailable(JwtProperties::new), keys, ApplicationClock.of(clock));
    }
}
