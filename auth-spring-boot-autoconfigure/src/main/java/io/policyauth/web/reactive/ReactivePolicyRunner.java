package io.policyauth.web.reactive;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.Decision;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.web.EffectivePolicy;

/**
 * Runs a policy for a reactive request. A policy that is CPU work only ({@code public},
 * {@code internal}, shared keys, JWTs with configured keys and an in-memory denylist), or that
 * says so of the request at hand ({@code db_api_key} with the key's answer in memory), runs on the
 * calling thread; one that may wait on I/O runs on policy-auth's own bounded scheduler
 * ({@link DecisionScheduler}), so no event loop waits and the application's schedulers are not
 * taken. A policy that reads the body runs once the body's start has arrived, read without a
 * thread (past {@code policy-auth.body-read-timeout}: 408). With the scheduler's queue full, the
 * answer is 503.
 */
public final class ReactivePolicyRunner {

    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    private final AuthService authService;
    private final Scheduler blockingScheduler;

    /**
     * @param authService runs the policies
     * @param blockingScheduler where policies that may block run
     */
    public ReactivePolicyRunner(AuthService authService, Scheduler blockingScheduler) {
        this.authService = authService;
        this.blockingScheduler = blockingScheduler;
    }

    /**
     * @param exchange the request
     * @param policy its policy
     * @return the decision; never an error
     */
    public Mono<Decision> decide(ServerWebExchange exchange, EffectivePolicy policy) {
        SecurityRequestContext context = ReactiveRequestContexts.from(exchange);
        Decision now = decideInline(context, policy);
        return now != null ? Mono.just(now) : decideLater(exchange, context, policy);
    }

    /**
     * Decides at once, on the calling thread and without building a pipeline of operators, a
     * policy that reads no body and says this request is CPU work ({@link AuthExecutor#mayBlock(
     * SecurityRequestContext)}): most requests of most applications.
     *
     * @param context the request
     * @param policy its policy
     * @return the decision, or {@code null} when the policy waits for the body or may block
     */
    @Nullable Decision decideInline(SecurityRequestContext context, EffectivePolicy policy) {
        AuthExecutor executor = policy.executor();
        if (executor.readsBody() || executor.mayBlock(context)) {
            return null;
        }
        try {
            return authService.decide(context, executor, policy.enforcement());
        }
        catch (RuntimeException failure) {
            return new Decision.Failed(failure);
        }
    }

    /**
     * Decides a policy that {@link #decideInline} left: after the body's start has arrived, and on
     * the blocking scheduler when it may block.
     *
     * @param exchange the request
     * @param context its context
     * @param policy its policy
     * @return the decision; never an error
     */
    Mono<Decision> decideLater(ServerWebExchange exchange, SecurityRequestContext context, EffectivePolicy policy) {
        Mono<Decision> authorized = Mono.fromCallable(() -> authService.decide(context, policy.executor(),
                policy.enforcement()));
        if (policy.executor().mayBlock(context)) {
            authorized = authorized.subscribeOn(blockingScheduler);
        }
        if (policy.executor().readsBody()) {
            // The body arrives before a thread is taken: a slow client holds a connection, not a thread.
            authorized = received(exchange).then(authorized);
        }
        return authorized
                .onErrorResume(AuthException.class, denied -> Mono.just(new Decision.Denied(denied)))
                .onErrorResume(RejectedExecutionException.class, busy -> Mono.just(new Decision.Denied(
                        new AuthUnavailableException("decisions_saturated", "The request cannot be authorized "
                                + "right now.", BUSY_RETRY_AFTER, null))))
                .onErrorResume(RuntimeException.class, failure -> Mono.just(new Decision.Failed(failure)));
    }

    /* Receives the start of the exchange's copyable body, if it has one, holding no thread. */
    private static Mono<Void> received(ServerWebExchange exchange) {
        BodyCopyingServerRequest request = exchange.getAttribute(ReactiveBodyCopyFilter.ATTRIBUTE);
        return request == null ? Mono.empty() : request.received();
    }
}
