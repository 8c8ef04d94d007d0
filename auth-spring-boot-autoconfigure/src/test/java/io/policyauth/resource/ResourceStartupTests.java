package io.policyauth.resource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.tenant.TenantTokens;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RequiresResource;
import io.policyauth.web.StartFailures;

/** A resource check that could be skipped never lets the application start. */
class ResourceStartupTests {

    @Test
    void aResourceCheckWithoutAPolicyStopsTheStart() {
        assertStartFails(WithoutPolicy.class, "needs a @RequiresPolicy beside it");
    }

    @Test
    void aResourceCheckWithoutAnEngineStopsTheStart() {
        assertStartFails(WithoutEngine.class, "no resource engine is configured");
    }

    private static void assertStartFails(Class<?> app, String message) {
        StartFailures.assertStartFails(app, new String[] {"--server.port=0",
            "--policy-auth.jwt.secret=" + TenantTokens.SECRET}, message);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class WithoutPolicy {

        @RestController
        static class Documents {

            @GetMapping("/documents/{documentId}")
            @RequiresResource(kind = "document", id = "{documentId}")
            String read() {
                return "read";
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class WithoutEngine {

        @RestController
        static class Documents {

            @GetMapping("/documents/{documentId}")
            @RequiresPolicy("private")
            @RequiresResource(kind = "document", id = "{documentId}")
            String read() {
                return "read";
            }
        }
    }
}
