package io.policyauth.core;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs policies: runs the executor, counts the decision in every {@link DecisionMetrics}, tells
 * every other {@link DecisionListener} that {@linkplain DecisionListener#wants wants} it (audit) of
 * the one decision it made, and returns it as a {@link Decision}. With an {@link ObservationRegistry},
 * each decision is also an observation named {@value #OBSERVATION}, so a trace shows it as a span
 * around whatever the policy calls. Unexpected executor failures are recorded as
 * {@link Outcome#ERROR} and returned as {@link Decision.Failed}; fronts deny on them.
 */
public final class AuthService {

    private static final Logger logger = LoggerFactory.getLogger(AuthService.class);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** The name of decision observations; low-cardinality keys {@code policy} and {@code outcome}. */
    public static final String OBSERVATION = "policyauth.decision";

    private final AuthExecutorRegistry registry;
    private final DecisionMetrics[] metrics;
    private final DecisionListener[] listeners;
    private final ClientAddressSource clientAddresses;
    private final Clock clock;
    private final @Nullable ChallengeParameters challengeParameters;
    private final ObservationRegistry observations;

    /**
     * A service whose decisions are counted and timed, and nothing else.
     *
     * @param registry the policies
     * @param metrics where decisions are counted and timed
     */
    public AuthService(AuthExecutorRegistry registry, DecisionMetrics metrics) {
        this(registry, List.of(metrics), ClientAddressSource.PEER, Clock.systemUTC(), null);
    }

    /**
     * @param registry the policies
     * @param listeners told of every decision: metrics, audit
     * @param clientAddresses the client address a decision is recorded with
     * @param clock the time of decisions
     * @param observations where decisions are observed, or {@code null} (or a no-op registry) for none
     */
    public AuthService(AuthExecutorRegistry registry, List<DecisionListener> listeners,
            ClientAddressSource clientAddresses, Clock clock, @Nullable ObservationRegistry observations) {
        this(registry, listeners, clientAddresses, clock, observations, null);
    }

    /**
     * @param registry the policies
     * @param listeners told of every decision: metrics, audit
     * @param clientAddresses the client address a decision is recorded with
     * @param clock the time of decisions
     * @param observations where decisions are observed, or {@code null} (or a no-op registry) for none
     * @param challengeParameters added to every 401's {@code Bearer} challenge, or {@code null}
     */
    public AuthService(AuthExecutorRegistry registry, List<DecisionListener> listeners,
            ClientAddressSource clientAddresses, Clock clock, @Nullable ObservationRegistry observations,
            @Nullable ChallengeParameters challengeParameters) {
        this.registry = registry;
        // Metrics take a decision's policy, outcome, reason and time as they are: no event is built for them.
        this.metrics = listeners.stream().filter(DecisionMetrics.class::isInstance).map(DecisionMetrics.class::cast)
                .toArray(DecisionMetrics[]::new);
        this.listeners = listeners.stream().filter(listener -> !(listener instanceof DecisionMetrics))
                .toArray(DecisionListener[]::new);
        this.clientAddresses = clientAddresses;
        this.clock = clock;
        this.observations = observations == null || observations.isNoop() ? null : observations;
        this.challengeParameters = challengeParameters;
    }

    /**
     * Decides a request against a named policy, for code outside the web fronts.
     *
     * @param context the request
     * @param policy the policy name
     * @return the authenticated user
     * @throws UnknownPolicyException when the name is not registered
     * @throws AuthException when the policy denies or cannot decide
     */
    public AuthenticatedUser authorize(SecurityRequestContext context, String policy) {
        return authorize(context, registry.get(policy));
    }

    /**
     * Decides a request against an executor resolved beforehand, enforcing it.
     *
     * @param context the request
     * @param executor the policy
     * @return the authenticated user
     * @throws AuthException when the policy denies or cannot decide
     */
    public AuthenticatedUser authorize(SecurityRequestContext context, AuthExecutor executor) {
        return decide(context, executor, Enforcement.ENFORCE).userOrThrow();
    }

    /**
     * Decides a request, as every front does: enforcing or, in {@link Enforcement#DRY_RUN}, only
     * recording a denial (outcome {@link Outcome#WOULD_DENY}) and granting the anonymous user.
     * Resolved once per handler by the caller, so no name is looked up on the request path.
     *
     * @param context the request
     * @param executor the policy
     * @param enforcement whether denials stop the request
     * @return the decision; never throws for what the policy throws
     */
    public Decision decide(SecurityRequestContext context, AuthExecutor executor, Enforcement enforcement) {
        long start = System.nanoTime();
        Outcome outcome = Outcome.ERROR;
        AuthenticatedUser user = null;
        String reason = "executor_failure";
        String targetTenant = null;
        Observation observation = observations == null ? null : Observation.createNotStarted(OBSERVATION, observations)
                .contextualName("policy-auth " + executor.policy())
                .lowCardinalityKeyValue("policy", executor.policy()).start();
        Observation.Scope scope = observation == null ? null : observation.openScope();
        try {
            user = executor.execute(context);
            if (user == null) {
                return new Decision.Failed(new IllegalStateException("Executor of policy '" + executor.policy()
                        + "' returned no user"));
            }
            outcome = Outcome.GRANTED;
            reason = null;
            targetTenant = executor.targetTenant(context);
            if (targetTenant != null && !targetTenant.equals(user.tenant())) {
                // Isolation admitted a caller of another tenant: only a cross-tenant role does that.
                reason = TenantIsolation.CROSS_TENANT;
            }
            return new Decision.Granted(user, context.grantHeaders().asMap());
        }
        catch (AuthException failure) {
            reason = failure.reason();
            user = failure.caller();
            targetTenant = executor.targetTenant(context);
            if (enforcement == Enforcement.DRY_RUN) {
                outcome = Outcome.WOULD_DENY;
                // The path is decoded: a %0A in it must not start a forged log line.
                logger.info("Dry run: policy '{}' would deny {} {} ({}, {})", executor.policy(), context.method(),
                        CONTROL.matcher(context.path()).replaceAll("?"), failure.outcome().tag(), failure.reason());
                return new Decision.Granted(AuthenticatedUser.anonymous());
            }
            outcome = failure.outcome();
            return new Decision.Denied(challengeParameters == null ? failure : challengeParameters.addTo(failure));
        }
        catch (RuntimeException failure) {
            return new Decision.Failed(failure);
        }
        finally {
            long nanos = System.nanoTime() - start;
            if (observation != null) {
                scope.close();
                observation.lowCardinalityKeyValue("outcome", outcome.tag()).stop();
            }
            for (DecisionMetrics meters : metrics) {
                try {
                    meters.record(executor.policy(), outcome, reason, nanos);
                }
                catch (RuntimeException failure) {
                    listenerFailed(meters, failure);
                }
            }
            notifyListeners(context, executor.policy(), outcome, reason, user, targetTenant, nanos);
        }
    }

    /* The event is built for the first listener that wants the decision, and for none when none does. */
    private void notifyListeners(SecurityRequestContext context, String policy, Outcome outcome,
            @Nullable String reason, @Nullable AuthenticatedUser user, @Nullable String targetTenant, long nanos) {
        AuthDecisionEvent decision = null;
        for (DecisionListener listener : listeners) {
            try {
                if (!listener.wants(outcome, user)) {
                    continue;
                }
                if (decision == null) {
                    boolean caller = user != null && !user.isAnonymous();
                    decision = new AuthDecisionEvent(clock.instant(), policy, outcome, reason,
                            caller ? user.subject() : null, user == null ? null : user.tokenId(),
                            user == null ? null : user.binding(), user == null ? null : user.tenant(), targetTenant,
                            clientAddresses.clientAddress(context), context.method(), context.path(),
                            Duration.ofNanos(nanos), caller ? user.mechanism() : null);
                }
                listener.onDecision(decision);
            }
            catch (RuntimeException failure) {
                listenerFailed(listener, failure);
            }
        }
    }

    private static void listenerFailed(DecisionListener listener, RuntimeException failure) {
        logger.warn("Decision listener {} failed; the decision stands", listener.getClass().getName(), failure);
    }

    /**
     * The executor that passes when any of the named policies passes (see {@link Policies#anyOf(List)}).
     *
     * @param policies one or more policy names
     * @return the executor
     * @throws UnknownPolicyException when a name is not registered
     */
    public AuthExecutor resolve(List<String> policies) {
        return Policies.anyOf(policies.stream().map(registry::get).toList());
    }

    /**
     * @return the time decisions are made at, which step-ups are judged by
     */
    public Clock clock() {
        return clock;
    }

    /**
     * @return the registry of policies
     */
    public AuthExecutorRegistry registry() {
        return registry;
    }
}
