package io.policyauth.benchmarks.load;

import java.util.List;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.apikey.IssuedApiKey;

/**
 * The {@code db_api_key} backend: an in-memory MongoDB-compatible server on a free loopback port,
 * which Spring Boot's Mongo auto-configuration (and so policy-auth's) connects to, and one key
 * issued at start through {@link ApiKeyManager}.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
        ConnectionString uri = new ConnectionString(
                "mongodb://127.0.0.1:" + embeddedMongoServer.getLocalAddress().getPort() + "/policy_auth_load");
        return () -> uri;
    }

    @Bean
    IssuedApiKey loadApiKey(ApiKeyManager manager) {
        return manager.issue("load-client", "load run", List.of("orders:read"), List.of(), null);
    }
}
