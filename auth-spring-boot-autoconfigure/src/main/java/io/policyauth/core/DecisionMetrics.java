package io.policyauth.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Records every decision as a counter ({@value #DECISIONS}) and a timer ({@value #DURATION}),
 * both tagged {@code policy} and {@code outcome}, and every refusal by its reason code
 * ({@value #REFUSALS}: an expired token, a replayed DPoP proof, an inactive opaque token...): the
 * first {@link DecisionListener} of every {@code AuthService}. Meters are looked up once per policy
 * (and reason), not per request.
 */
public final class DecisionMetrics implements DecisionListener {

    /** Counter of decisions. */
    public static final String DECISIONS = "policyauth.decisions";

    /** Timer of the time spent deciding. */
    public static final String DURATION = "policyauth.decision.duration";

    /** Counter of refusals by policy and reason code. */
    public static final String REFUSALS = "policyauth.refusals";

    private final MeterRegistry registry;
    private final Map<String, PolicyMeters> byPolicy = new ConcurrentHashMap<>();
    private final Map<Refusal, Counter> byReason = new ConcurrentHashMap<>();

    /**
     * @param registry where meters are registered
     */
    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onDecision(AuthDecisionEvent decision) {
        record(decision.policy(), decision.outcome(), decision.reason(), decision.duration().toNanos());
    }

    /**
     * Records one decision; {@code AuthService} calls this rather than {@link #onDecision}, building no
     * event for it.
     *
     * @param policy the policy name (never a credential)
     * @param outcome the outcome
     * @param reason the refusal's reason code, or {@code null}
     * @param nanos time spent deciding
     */
    public void record(String policy, Outcome outcome, @Nullable String reason, long nanos) {
        PolicyMeters meters = byPolicy.get(policy);
        if (meters == null) {
            meters = byPolicy.computeIfAbsent(policy, this::register);
        }
        meters.counters[outcome.ordinal()].increment();
        meters.timers[outcome.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
        if (outcome != Outcome.GRANTED && reason != null) {
            byReason.computeIfAbsent(new Refusal(policy, reason), refusal -> Counter
                    .builder(REFUSALS).description("Refusals by policy and reason code")
                    .tag("policy", refusal.policy()).tag("reason", refusal.reason()).register(registry)).increment();
        }
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

    /* Reason codes are a policy's own constants, never anything of the request: the tag stays bounded. */
    private record Refusal(String policy, String reason) {
    }
}
