package io.policyauth.autoconfigure.ratelimit;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.core.CreditLedger;
import io.policyauth.core.CreditSpending;
import io.policyauth.core.OutageLog;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.ratelimit.InMemoryRateLimiter;
import io.policyauth.ratelimit.RateLimiter;
import io.policyauth.ratelimit.RateLimiterCreditLedger;
import io.policyauth.ratelimit.RedisRateLimiter;
import io.policyauth.ratelimit.StoreFailureAllowingRateLimiter;

/**
 * Rate limits ({@code policy-auth.rate-limits.<name>}): the {@link RateLimiter} that counts
 * requests, in memory by default or in Redis ({@code store: redis}, on the application's Lettuce
 * client; backs off for the application's own), and the configured limits that policies are put
 * under.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnPolicyAuthEnabled
@EnableConfigurationProperties(RateLimitStoreProperties.class)
public class RateLimitAutoConfiguration {

    private static final String STORE = ConfiguredRateLimits.PREFIX + ".store";

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    RateLimiter policyAuthRateLimiter(ObjectProvider<Clock> clock) {
        return new InMemoryRateLimiter(ApplicationClock.of(clock));
    }

    /* Reached only when the Redis store below could not be set up: say what is missing. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    RateLimiter policyAuthRateLimiterWithoutRedis() {
        throw new PolicyAuthConfigurationException(STORE + " is redis, but spring-boot-starter-data-redis or "
                + "com.bucket4j:bucket4j_jdk17-lettuce is not on the class path", "Add both dependencies (the "
                + "Bucket4j version the README names), or set " + STORE + " to memory.");
    }

    @Bean
    ConfiguredRateLimits policyAuthRateLimits(Environment environment, RateLimiter limiter,
            ObjectProvider<ClientAddressSource> addresses, ObjectProvider<Clock> clock,
            ObjectProvider<CreditSpending> spending) {
        return new ConfiguredRateLimits(RateLimitProperties.bind(environment), limiter,
                addresses.getIfAvailable(() -> ClientAddressSource.PEER), ApplicationClock.of(clock), spending);
    }

    /** The credits of API keys, kept where the limits are counted. */
    @Bean
    @ConditionalOnMissingBean
    CreditLedger policyAuthCreditLedger(RateLimiter limiter, ObjectProvider<Clock> clock) {
        return new RateLimiterCreditLedger(limiter, ApplicationClock.of(clock));
    }

    /** Counters in Redis, shared by every instance. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
            "io.github.bucket4j.redis.lettuce.Bucket4jLettuce"})
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    static class RedisStore {

        private static final Logger logger = LoggerFactory.getLogger(RateLimitAutoConfiguration.class);

        /* How long a request waits for Redis when spring.data.redis.timeout is not set. */
        static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

        @Bean
        @ConditionalOnMissingBean
        RateLimiter policyAuthRedisRateLimiter(ObjectProvider<LettuceConnectionFactory> connections,
                ObjectProvider<DataRedisProperties> redis, RateLimitStoreProperties settings,
                ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
            LettuceConnectionFactory factory = connections.getIfAvailable();
            if (factory == null) {
                throw new PolicyAuthConfigurationException(STORE + " is redis, but the application has no Lettuce "
                        + "connection factory", "Let Spring Boot configure Redis with Lettuce (spring.data.redis.*, "
                        + "spring.data.redis.client-type: lettuce), or set " + STORE + " to memory.");
            }
            if (settings.getLocalBatch() < 0) {
                throw new PolicyAuthConfigurationException(ConfiguredRateLimits.PREFIX + ".local-batch must not be "
                        + "negative, got " + settings.getLocalBatch(), "Set it to 0 (every request counted in Redis) "
                        + "or to the requests an instance may admit beyond a limit.");
            }
            DataRedisProperties properties = redis.getIfAvailable();
            Duration timeout = properties == null || properties.getTimeout() == null ? DEFAULT_TIMEOUT
                    : properties.getTimeout();
            boolean allow = settings.getOnStoreFailure() == RateLimitStoreProperties.StoreFailure.ALLOW;
            String meanwhile = allow ? "requests under rate limits are admitted uncounted until it answers "
                    + "(on-store-failure: allow)" : "requests under rate limits get 503 until it answers";
            OutageLog outages = new OutageLog(logger, "Redis, where rate limits are counted", meanwhile,
                    OutageLog.DEFAULT_INTERVAL, ApplicationClock.of(clock));
            RedisRateLimiter store = new RedisRateLimiter(factory.getRequiredNativeClient(), timeout,
                    settings.getLocalBatch(), ApplicationClock.of(clock), outages);
            // Connected now when Redis is there; the outage log says so when it is not.
            store.connectNow();
            return allow
                    ? new StoreFailureAllowingRateLimiter(store, meters.getIfAvailable(() -> Metrics.globalRegistry))
                    : store;
        }
    }
}
