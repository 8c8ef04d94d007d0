package io.policyauth.autoconfigure.jwt;

import io.policyauth.autoconfigure.MongoStoreFailures;
import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.ApplicationClock;
import java.time.Clock;

import com.nimbusds.jwt.SignedJWT;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

import io.policyauth.core.BackgroundTasks;
import io.policyauth.jwt.InMemoryTokenDenylist;
import io.policyauth.jwt.TokenDenylist;
import io.policyauth.jwt.mongo.MongoTokenDenylist;

/**
 * The {@link TokenDenylist} that the {@code private} policy consults on every request: in memory
 * by default, or shared by every instance through MongoDB with
 * {@code policy-auth.jwt.denylist.store=mongo}.
 */
@AutoConfiguration(before = JwtPolicyAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(SignedJWT.class)
@ConditionalOnPolicyAuthEnabled
@Conditional(JwtKeySourceCondition.Verification.class)
@EnableConfigurationProperties(JwtProperties.class)
public class TokenDenylistAutoConfiguration {

    private static final String STORE = "policy-auth.jwt.denylist.store";

    @Bean
    @ConditionalOnMissingBean(TokenDenylist.class)
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    InMemoryTokenDenylist inMemoryTokenDenylist(JwtProperties properties, ObjectProvider<Clock> clock) {
        return new InMemoryTokenDenylist(properties.getClockSkew(), ApplicationClock.of(clock));
    }

    /** Revocations shared through the application's MongoDB. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoOperations.class)
    @ConditionalOnProperty(name = STORE, havingValue = "mongo")
    static class MongoStore {

        @Bean
        @ConditionalOnMissingBean(TokenDenylist.class)
        MongoTokenDenylist mongoTokenDenylist(JwtProperties properties, ObjectProvider<MongoOperations> mongo,
                ObjectProvider<Clock> clock, BackgroundTasks tasks) {
            MongoOperations operations = mongo.getIfAvailable(() -> {
                throw MongoStoreFailures.noConnection(STORE, "memory");
            });
            JwtProperties.Denylist denylist = properties.getDenylist();
            return new MongoTokenDenylist(operations, denylist.getCollection(), denylist.getTimeout(),
                    denylist.getRefreshInterval(), denylist.getMaxStaleness(), properties.getClockSkew(),
                    ApplicationClock.of(clock), tasks);
        }
    }

    /** Says what to add when a shared denylist is asked for without Spring Data MongoDB. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.data.mongodb.core.MongoOperations")
    @ConditionalOnProperty(name = STORE, havingValue = "mongo")
    static class MongoStoreMissing {

        MongoStoreMissing() {
            throw MongoStoreFailures.noSpringData(STORE, "memory");
        }
    }
}
