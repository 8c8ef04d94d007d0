package io.policyauth.autoconfigure.ratelimit;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.ratelimit.InMemoryRateLimiter;
import io.policyauth.ratelimit.RateLimiter;

/**
 * Rate limits ({@code policy-auth.rate-limits.<name>}), counted in memory by default: the
 * {@link RateLimiter} (backs off for the application's own) and the configured limits that named
 * policies are put under.
 */
@AutoConfiguration
@ConditionalOnPolicyAuthEnabled
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RateLimiter policyAuthRateLimiter(ObjectProvider<Clock> clock) {
        return new InMemoryRateLimiter(ApplicationClock.of(clock));
    }

    @Bean
    ConfiguredRateLimits policyAuthRateLimits(RateLimitProperties properties, RateLimiter limiter,
            ObjectProvider<ClientAddressSource> addresses) {
        return new ConfiguredRateLimits(properties, limiter, addresses.getIfAvailable(() -> ClientAddressSource.PEER));
    }
}
