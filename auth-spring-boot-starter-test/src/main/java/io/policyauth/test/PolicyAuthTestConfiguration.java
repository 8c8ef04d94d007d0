package io.policyauth.test;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.jwt.JwtProperties;

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
