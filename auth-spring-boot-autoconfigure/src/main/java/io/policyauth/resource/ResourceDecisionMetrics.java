package io.policyauth.resource;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts and times every resource check as the timer {@value #DECISIONS}, tagged {@code kind},
 * {@code action} and {@code effect}. Kinds and actions come from the application's annotations and
 * configuration, never from requests, so the tags stay few.
 */
public final class ResourceDecisionMetrics implements ResourceDecisionListener {

    /** Timer (and count) of resource checks. */
    public static final String DECISIONS = "policyauth.resource.decisions";

    private final MeterRegistry registry;

    /**
     * @param registry where the timer is registered
     */
    public ResourceDecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onDecision(ResourceDecisionEvent decision) {
        Timer.builder(DECISIONS).description("Resource checks by kind, action and effect")
                .tag("kind", decision.kind()).tag("action", decision.action()).tag("effect", decision.effect().tag())
                .register(registry).record(decision.duration().toNanos(), TimeUnit.NANOSECONDS);
    }
}
