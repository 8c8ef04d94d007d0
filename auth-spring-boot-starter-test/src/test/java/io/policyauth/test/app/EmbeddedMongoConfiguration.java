package io.policyauth.test.app;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MongoDB for the tests that start the whole application: an in-memory server on a free port,
 * over the real driver. A {@code @WebMvcTest} slice leaves this configuration out, as it leaves
 * out every configuration but the controllers'.
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
                "mongodb://127.0.0.1:" + embeddedMongoServer.getLocalAddress().getPort() + "/orders_test");
        return () -> uri;
    }
}
