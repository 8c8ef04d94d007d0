package io.policyauth.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Chooses the {@link ObservationRegistry} decisions are observed with, following
 * {@code policy-auth.observations.enabled}. Unset, decisions are observed only when the
 * application traces: with Actuator alone, the observation's only product is a timer that
 * {@code policyauth.decision.duration} already is, and it costs every request two meter lookups,
 * a long task timer and a context.
 */
final class DecisionObservations {

    private static final String TRACER = "io.micrometer.tracing.Tracer";

    private DecisionObservations() {
    }

    /**
     * @param enabled the property's value, {@code null} when unset
     * @param observations the application's registry, if it has exactly one
     * @param beans where a tracer is looked for
     * @return the registry to observe decisions with, or {@code null} for none
     */
    static @Nullable ObservationRegistry registry(@Nullable Boolean enabled, @Nullable ObservationRegistry observations,
            ListableBeanFactory beans) {
        if (observations == null || Boolean.FALSE.equals(enabled)) {
            return null;
        }
        return Boolean.TRUE.equals(enabled) || traces(beans) ? observations : null;
    }

    private static boolean traces(ListableBeanFactory beans) {
        ClassLoader loader = DecisionObservations.class.getClassLoader();
        return ClassUtils.isPresent(TRACER, loader)
                && beans.getBeanNamesForType(ClassUtils.resolveClassName(TRACER, loader), true, false).length > 0;
    }
}
