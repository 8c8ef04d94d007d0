package io.policyauth.sample.shared;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.bson.Document;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * With no MongoDB configured ({@code spring.mongodb.uri} or {@code spring.mongodb.host}), the
 * sample starts an in-memory Mongo-compatible server on a free loopback port and points Spring
 * Boot's Mongo auto-configuration at it. Keys live as long as the process.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoConfiguration.NoMongoConfigured.class)
public class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        LoggerFactory.getLogger(EmbeddedMongoConfiguration.class).info(
                "No spring.mongodb.uri set: API keys are kept in an in-memory MongoDB-compatible server on port {}",
                server.getLocalAddress().getPort());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
        ConnectionString uri = new ConnectionString(
                "mongodb://127.0.0.1:" + embeddedMongoServer.getLocalAddress().getPort() + "/policy_auth_sample");
        return () -> uri;
    }

    /*
     * Spring Boot's Mongo health check sends "hello", which the embedded server does not know;
     * this one (Boot's backs off to its bean name) sends "ping", so health stays a real check.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
        return () -> {
            mongoTemplate.executeCommand(new Document("ping", 1));
            return Health.up().withDetail("server", "embedded").build();
        };
    }

    static class NoMongoConfigured extends NoneNestedConditions {

        NoMongoConfigured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("spring.mongodb.uri")
        static class UriSet {
        }

        @ConditionalOnProperty("spring.mongodb.host")
        static class HostSet {
        }
    }
}
