package io.policyauth.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records every decision as a counter ({@value #DECISIONS}) and a timer ({@value #DURATION}),
 * both tagged {@code policy} and {@code outcome}: the first {@link DecisionListener} of every
 * {@code AuthService}. Meters are looked up once per policy, not per request.
 */
public final class DecisionMetrics implements DecisionListener {

    /** Counter of decisions. */
    public static final String DECISIONS = "policyauth.decisions";

    /** Timer of the time spent deciding. */
    public static final String DURATION = "policyauth.decision.duration";

    private final MeterRegistry registry;
    private final Map<String, PolicyMeters> byPolicy = new ConcurrentHashMap<>();

    /**
     * @param registry where meters are registered
     */
    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onDecision(AuthDecisionEvent decision) {
        record(decision.policy(), decision.outcome(), decision.duration().toNanos());
    }

    /**
     * Records one decision.
     *
     * @param policy the policy name (never a credential)
     * @param outcome the outcome
     * @param nanos time spent deciding
     */
    public void record(String policy, Outcome outcome, long nanos) {
        PolicyMeters meters = byPolicy.computeIfAbsent(policy, this::register);
        meters.counters[outcome.ordinal()].increment();
        meters.timers[outcome.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }

    private PolicyMeters register(String policy) {
        Outcome[] outcomes = Outcome.values();
        Counter[] counters = new Counter[outcomes.length];
        Timer[] timers = new Timer[outcomes.length];
        for (Outcome outcome : outcomes) {
            counters[outcome.ordinal()] = Counter.builder(DECISIONS)
                    .description("Authorization decisions by policy and outcome")
                    .tag("policy", policy).tag("outcome", outcome.tag()).register(registry);
            timers[outcome.ordinal()] = Timer.builder(DURATION)
                    .description("Time spent deciding, by policy and outcome")
                    .tag("policy", policy).tag("outcome", outcome.tag()).register(registry);
        }
        return new PolicyMeters(counters, timers);
    }

    private record PolicyMeters(Counter[] counters, Timer[] timers) {
    }
}
