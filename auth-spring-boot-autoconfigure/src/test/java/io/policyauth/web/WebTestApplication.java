package io.policyauth.web;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;

/** A small application with one endpoint per policy shape. */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebTestApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    AuthExecutor tokenExecutor() {
        return new TestExecutors.TokenHeader("token");
    }

    @Bean
    AuthExecutor otherTokenExecutor() {
        return new TestExecutors.TokenHeader("other_token");
    }

    @Bean
    AuthExecutor unavailableExecutor() {
        return new TestExecutors.Unavailable("down");
    }

    @Bean
    AuthExecutor brokenExecutor() {
        return new TestExecutors.Broken("broken");
    }

    @RestController
    static class Endpoints {

        @GetMapping("/public")
        @RequiresPolicy("public")
        Map<String, Object> open(AuthenticatedUser user) {
            return Map.of("subject", user.subject(), "anonymous", user.isAnonymous());
        }

        @GetMapping("/token")
        @RequiresPolicy("token")
        Map<String, Object> token(AuthenticatedUser user) {
            return Map.of("subject", user.subject(), "scopes", user.scopes(), "mechanism", user.mechanism());
        }

        @GetMapping("/unannotated")
        String unannotated(AuthenticatedUser user) {
            return user.subject();
        }

        @GetMapping("/either")
        @RequiresPolicy({"down", "token"})
        String either(AuthenticatedUser user) {
            return user.subject();
        }

        @GetMapping("/two-schemes")
        @RequiresPolicy({"token", "other_token"})
        String twoSchemes(AuthenticatedUser user) {
            return user.subject();
        }

        @GetMapping("/down")
        @RequiresPolicy("down")
        String down() {
            return "never";
        }

        @GetMapping("/broken")
        @RequiresPolicy("broken")
        String broken() {
            return "never";
        }
    }

    @RestController
    @RequiresPolicy("public")
    static class OpenClass {

        @GetMapping("/class-open")
        String open() {
            return "open";
        }

        @GetMapping("/class-open/method-token")
        @RequiresPolicy("token")
        String closed(AuthenticatedUser user) {
            return user.subject();
        }
    }
}
