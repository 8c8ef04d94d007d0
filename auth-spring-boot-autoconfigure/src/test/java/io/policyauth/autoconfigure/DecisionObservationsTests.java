package io.policyauth.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.policyauth.core.AuthService;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.RequestHeaders;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.core.StoppedObservations;

/**
 * Decisions are observations when the application traces or asks for them, and only then; the
 * meters are recorded either way.
 */
class DecisionObservationsTests {

    private final StoppedObservations observations = new StoppedObservations();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PolicyAuthAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(ObservationRegistry.class, observations::registry);

    @Test
    void anApplicationThatTracesObservesEachDecision() {
        runner.withBean(Tracer.class, () -> Tracer.NOOP).run(context -> {
            decidePublic(context);

            assertThat(observations.stopped()).extracting(Observation.Context::getName)
                    .containsExactly(AuthService.OBSERVATION);
            assertThat(observations.stopped().get(0).getLowCardinalityKeyValue("outcome").getValue())
                    .isEqualTo("granted");
        });
    }

    @Test
    void withoutTracingNoDecisionIsObservedAndTheMetersStillCount() {
        runner.run(context -> {
            decidePublic(context);

            assertThat(observations.stopped()).isEmpty();
            assertThat(context.getBean(MeterRegistry.class).get(DecisionMetrics.DECISIONS)
                    .tags("policy", "public", "outcome", "granted").counter().count()).isEqualTo(1);
        });
    }

    @Test
    void thePropertyTurnsObservationsOnWithoutTracing() {
        runner.withPropertyValues("policy-auth.observations.enabled=true").run(context -> {
            decidePublic(context);

            assertThat(observations.stopped()).extracting(Observation.Context::getName)
                    .containsExactly(AuthService.OBSERVATION);
        });
    }

    @Test
    void thePropertyTurnsObservationsOffDespiteTracing() {
        runner.withBean(Tracer.class, () -> Tracer.NOOP).withPropertyValues("policy-auth.observations.enabled=false")
                .run(context -> {
                    decidePublic(context);

                    assertThat(observations.stopped()).isEmpty();
                });
    }

    private static void decidePublic(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        context.getBean(AuthService.class).authorize(SecurityRequestContext.builder("127.0.0.1",
                RequestHeaders.of(Map.of()), "GET", "/").build(), "public");
    }
}
