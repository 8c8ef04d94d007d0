package io.policyauth.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.tenant.TenantTokens;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RequiresResource;

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
        assertThatThrownBy(() -> new SpringApplicationBuilder(app).web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--policy-auth.jwt.secret=" + TenantTokens.SECRET).close())
                .satisfies(failure -> {
                    Throwable cause = failure;
                    while (cause != null && !(cause instanceof PolicyAuthConfigurationException)) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).as("a PolicyAuthConfigurationException in %s", failure).isNotNull();
                    assertThat(cause.getMessage()).contains(message);
                });
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
