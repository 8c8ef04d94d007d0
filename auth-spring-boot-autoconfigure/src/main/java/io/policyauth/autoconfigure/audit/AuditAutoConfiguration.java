package io.policyauth.autoconfigure.audit;

import java.time.Clock;

import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.MongoStoreFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

import io.policyauth.audit.ApplicationEventDecisionPublisher;
import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.PolicyAuthAutoConfiguration;
import io.policyauth.audit.AuditLogSink;
import io.policyauth.audit.mongo.MongoAuditSink;
import io.policyauth.core.BackgroundTasks;

/**
 * The audit trail: every decision published as an {@code AuthDecisionEvent}, logged on
 * {@code policy-auth.audit}, and with {@code policy-auth.audit.store=mongo} stored in MongoDB.
 */
@AutoConfiguration(before = PolicyAuthAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnPolicyAuthEnabled
@ConditionalOnBooleanProperty(name = "policy-auth.audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    private static final String MONGO_STORE = "policy-auth.audit.store";

    /**
     * The name of the audit store bean. A bean of that name replaces the MongoDB store: test
     * slices, which start no MongoDB, define one.
     */
    public static final String AUDIT_STORE = "policyAuthAuditStore";

    @Bean
    @ConditionalOnMissingBean
    ApplicationEventDecisionPublisher applicationEventDecisionPublisher(ApplicationEventPublisher publisher) {
        return new ApplicationEventDecisionPublisher(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "policy-auth.audit.log", matchIfMissing = true)
    AuditLogSink auditLogSink() {
        return new AuditLogSink();
    }

    /** Stores decisions in the application's MongoDB. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoOperations.class)
    @ConditionalOnProperty(name = MONGO_STORE, havingValue = "mongo")
    static class MongoStore {

        @Bean(name = AUDIT_STORE, destroyMethod = "close")
        @ConditionalOnMissingBean(name = AUDIT_STORE)
        MongoAuditSink policyAuthAuditStore(AuditProperties audit, ObjectProvider<MongoOperations> mongo,
                ObjectProvider<MeterRegistry> meterRegistry, BackgroundTasks tasks, ObjectProvider<Clock> clock) {
            MongoOperations operations = mongo.getIfAvailable(() -> {
                throw MongoStoreFailures.noConnection(MONGO_STORE, "none");
            });
            return new MongoAuditSink(operations, audit.getCollection(), audit.getRetention(), audit.getQueueSize(),
                    audit.getWriteTimeout(), meterRegistry.getIfAvailable(() -> Metrics.globalRegistry), tasks,
                    ApplicationClock.of(clock));
        }
    }

    /** Says what to add when MongoDB storage is asked for without Spring Data MongoDB. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.data.mongodb.core.MongoOperations")
    @ConditionalOnProperty(name = MONGO_STORE, havingValue = "mongo")
    static class MongoStoreMissing {

        MongoStoreMissing() {
            throw MongoStoreFailures.noSpringData(MONGO_STORE, "none");
        }
    }
}
