package io.policyauth.audit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoOperations;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.audit.AuditLogSink;
import io.policyauth.autoconfigure.audit.AuditAutoConfiguration;
import io.policyauth.autoconfigure.PolicyAuthAutoConfiguration;

class MongoAuditConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PolicyAuthAutoConfiguration.class, AuditAutoConfiguration.class));

    @Test
    void logSinkByDefaultAndNoStore() {
        runner.run(context -> assertThat(context).hasSingleBean(AuditLogSink.class)
                .doesNotHaveBean(MongoAuditSink.class));
    }

    @Test
    void mongoStoreUsesTheApplicationsMongoDb() {
        try (EmbeddedMongo mongo = new EmbeddedMongo()) {
            runner.withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class,
                            DataMongoAutoConfiguration.class))
                    .withPropertyValues("policy-auth.audit.store=mongo", "spring.mongodb.uri=" + mongo.connectionString())
                    .run(context -> assertThat(context).hasSingleBean(MongoAuditSink.class));
        }
    }

    @Test
    void mongoStoreWithoutAConnectionStopsStartSayingWhatToSet() {
        runner.withPropertyValues("policy-auth.audit.store=mongo").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("policy-auth.audit.store=mongo needs a MongoDB connection");
        });
    }

    @Test
    void mongoStoreWithoutSpringDataMongoStopsStartSayingWhatToAdd() {
        runner.withClassLoader(new FilteredClassLoader(MongoOperations.class))
                .withPropertyValues("policy-auth.audit.store=mongo").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("add spring-boot-starter-data-mongodb");
                });
    }
}
