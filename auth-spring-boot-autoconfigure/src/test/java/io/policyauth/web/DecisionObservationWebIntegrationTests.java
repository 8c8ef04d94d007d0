package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthService;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.StoppedObservations;
import io.policyauth.jwt.TokenIssuer;

/**
 * In an application that traces, every decision is an observation, and the meters stay as they
 * were (without tracing, see {@code DecisionObservationsTests}).
 */
@SpringBootTest(classes = DecisionObservationWebIntegrationTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "policy-auth.jwt.secret=an-observation-test-secret-of-32-bytes-or-more")
class DecisionObservationWebIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    StoppedObservations observations;

    @Autowired
    MeterRegistry meters;

    @Test
    void aDecisionIsAnObservationWithPolicyAndOutcome() {
        HttpTestClient http = new HttpTestClient(port);
        assertThat(http.get("/me", "Authorization", "Bearer " + tokens.createToken("ann", List.of(), List.of()))
                .statusCode()).isEqualTo(200);
        assertThat(http.get("/me").statusCode()).isEqualTo(401);

        assertThat(observations.stopped()).filteredOn(context -> AuthService.OBSERVATION.equals(context.getName()))
                .extracting(context -> context.getLowCardinalityKeyValue("policy").getValue() + ":"
                        + context.getLowCardinalityKeyValue("outcome").getValue())
                .containsExactly("private:granted", "private:unauthenticated");
        assertThat(meters.get(DecisionMetrics.DECISIONS).tags("policy", "private", "outcome", "granted").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get(DecisionMetrics.DURATION).tags("policy", "private", "outcome", "unauthenticated")
                .timer().count()).isEqualTo(1);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Tracer tracer() {
            return Tracer.NOOP;
        }

        @Bean
        StoppedObservations stoppedObservations() {
            return new StoppedObservations();
        }

        @Bean
        ObservationRegistry observationRegistry(StoppedObservations observations) {
            return observations.registry();
        }

        @RestController
        static class Endpoints {

            @GetMapping("/me")
            @RequiresPolicy("private")
            String me() {
                return "me";
            }
        }
    }
}
