package io.policyauth.web.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.web.RequiresPolicy;

/** A reactive application that names a policy no one registered does not start, as a servlet one does not. */
class StartupTests {

    @Test
    void anUnknownPolicyOnAHandlerStopsTheStart() {
        Throwable failure = null;
        try (var context = new SpringApplicationBuilder(Misnamed.class).web(WebApplicationType.REACTIVE)
                .run("--server.port=0", "--policy-auth.default-policy=public")) {
            // Started: the assertion below fails.
        }
        catch (RuntimeException startFailure) {
            failure = startFailure;
        }
        assertThat(failure).isNotNull();
        assertThat(failure).rootCause().hasMessageContaining("shared_key_typo");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    @Import(MisnamedController.class)
    static class Misnamed {
    }

    @RestController
    static class MisnamedController {

        @GetMapping("/x")
        @RequiresPolicy("shared_key_typo")
        String x() {
            return "x";
        }
    }
}
