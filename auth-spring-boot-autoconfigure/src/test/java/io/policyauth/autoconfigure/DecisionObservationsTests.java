package io.policyauth.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
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

/**
 * Decisions are observations when the application traces or asks for them, and only then; the
 * meters are recorded either way.
 */
class DecisionObservationsTests {

    private final List<Observation.Context> observed = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PolicyAuthAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(ObservationRegistry.class, this::recordingRegistry);

    @Test
    void anApplicationThatTracesObservesEachDecision() {
        runner.withBean(Tracer.class, () -> Tracer.NOOP).run(context -> {
            decidePublic(context);

            assertThat(observed).extracting(Observation.Context::getName).containsExactly(AuthService.OBSERVATION);
            assertThat(observed.get(0).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("granted");
        });
    }

    @Test
    void withoutTracingNoDecisionIsObservedAndTheMetersStillCount() {
        runner.run(context -> {
            decidePublic(context);

            assertThat(observed).isEmpty();
            assertThat(context.getBean(MeterRegistry.class).get(DecisionMetrics.DECISIONS)
                    .tags("policy", "public", "outcome", "granted").counter().count()).isEqualTo(1);
        });
    }

    @Test
    void thePropertyTurnsObservationsOnWithoutTracing() {
        runner.withPropertyValues("policy-auth.observations.enabled=true").run(context -> {
            decidePublic(context);

            assertThat(observed).extracting(Observation.Context::getName).containsExactly(AuthService.OBSERVATION);
        });
    }

    @Test
    void thePropertyTurnsObservationsOffDespiteTracing() {
        runner.withBean(Tracer.class, () -> Tracer.NOOP).withPropertyValues("policy-auth.observations.enabled=false")
                .run(context -> {
                    decidePublic(context);

                    assertThat(observed).isEmpty();
                });
    }

    private static void decidePublic(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        context.getBean(AuthService.class).authorize(SecurityRequestContext.builder("127.0.0.1",
                RequestHeaders.of(Map.of()), "GET", "/").build(), "public");
    }

    private ObservationRegistry recordingRegistry() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                observed.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        return registry;
    }
}
