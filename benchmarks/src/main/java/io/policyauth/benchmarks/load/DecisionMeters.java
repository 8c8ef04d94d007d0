package io.policyauth.benchmarks.load;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A counter and a timer tagged as a granted {@code public} decision's are, registered once as
 * {@code DecisionMetrics} registers its meters: what the yardsticks record where a policy would.
 */
final class DecisionMeters {

    private final Counter decisions;
    private final Timer durations;

    /**
     * @param registry where the meters are registered
     * @param prefix the meters' names begin with it: {@code <prefix>.decisions}, {@code <prefix>.decision.duration}
     */
    DecisionMeters(MeterRegistry registry, String prefix) {
        this.decisions = Counter.builder(prefix + ".decisions").tag("policy", "public").tag("outcome", "granted")
                .register(registry);
        this.durations = Timer.builder(prefix + ".decision.duration").tag("policy", "public")
                .tag("outcome", "granted").register(registry);
    }

    /**
     * @param start the {@link System#nanoTime()} the decision began at
     */
    void recordSince(long start) {
        decisions.increment();
        durations.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
