package io.policyauth.web.reactive;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.policyauth.core.Decision;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.EffectivePolicy;
import io.policyauth.web.PolicyAuthAttributes;
import io.policyauth.web.PolicyResponse;

/**
 * Looks up the handler {@code DispatcherHandler} will pick for a request and decides its policy,
 * remembering both on the exchange. {@link PolicyWebFilter} asks first; {@link ResolvedHandlerMapping}
 * asks again when a filter after it changed the request, so the handler that runs is always one
 * whose policy was decided for the request it gets.
 */
final class HandlerDecider {

    private static final String ATTRIBUTE = HandlerDecider.class.getName();
    private static final Object NO_HANDLER = new Object();
    private static final Logger logger = LoggerFactory.getLogger(PolicyWebFilter.class);

    private final Supplier<List<HandlerMapping>> mappings;
    private final EffectivePolicies policies;
    private final ReactivePolicyRunner runner;

    /**
     * @param mappings the application's handler mappings, in their order, without
     *        {@link ResolvedHandlerMapping}
     * @param policies the per-handler policies
     * @param runner runs the policies
     */
    HandlerDecider(Supplier<List<HandlerMapping>> mappings, EffectivePolicies policies, ReactivePolicyRunner runner) {
        this.mappings = mappings;
        this.policies = policies;
        this.runner = runner;
    }

    /**
     * Looks up and decides the handler of a request that is not a CORS preflight. When the
     * request was decided before under another form (a filter changed it since), that decision
     * stands only if the method, the path and the policy are still the same.
     *
     * @param exchange the request
     * @return a refusal, or the handler to dispatch to (none when no mapping has one)
     */
    Mono<Verdict> decide(ServerWebExchange exchange) {
        Resolved earlier = exchange.getAttribute(ATTRIBUTE);
        exchange.getAttributes().remove(FunctionalRoutePolicies.ATTRIBUTE);
        return Flux.fromIterable(mappings()).concatMap(mapping -> mapping.getHandler(exchange)).next()
                .defaultIfEmpty(NO_HANDLER).flatMap(handler -> decide(exchange, handler, earlier));
    }

    /** @return the application's handler mappings, in their order */
    List<HandlerMapping> mappings() {
        return mappings.get();
    }

    /**
     * @param exchange a request
     * @return the handler decided for exactly this request object, or {@code null} when the
     *         request was not decided or was changed since
     */
    static @Nullable Resolved resolved(ServerWebExchange exchange) {
        Resolved resolved = exchange.getAttribute(ATTRIBUTE);
        return resolved != null && resolved.request() == exchange.getRequest() ? resolved : null;
    }

    private Mono<Verdict> decide(ServerWebExchange exchange, Object handler, @Nullable Resolved earlier) {
        ServerHttpRequest request = exchange.getRequest();
        // A CORS request the mapping refused (403 set already) is not decided, as in Spring MVC.
        if (FunctionalRoutePolicies.decidesItself(exchange.getAttributes())
                || HttpStatus.FORBIDDEN.equals(exchange.getResponse().getStatusCode())) {
            return Mono.just(proceed(exchange, handler, null));
        }
        EffectivePolicy policy = policies.forHandler(handler, request.getPath().pathWithinApplication(),
                request.getMethod().name());
        if (policy.exempt() || earlier != null && earlier.decidedAlike(request, policy)) {
            return Mono.just(proceed(exchange, handler, policy));
        }
        SecurityRequestContext context = ReactiveRequestContexts.from(exchange);
        Decision now = runner.decideInline(context, policy);
        if (now != null) {
            return Mono.just(verdict(exchange, handler, policy, now));
        }
        return runner.decideLater(exchange, context, policy).map(decision -> verdict(exchange, handler, policy,
                decision));
    }

    private static Verdict verdict(ServerWebExchange exchange, Object handler, EffectivePolicy policy,
            Decision decision) {
        if (decision instanceof Decision.Granted granted) {
            granted.headers().forEach(exchange.getResponse().getHeaders()::set);
            exchange.getAttributes().put(PolicyAuthAttributes.USER, granted.user());
            return proceed(exchange, handler, policy);
        }
        if (decision instanceof Decision.Denied denied) {
            ServerHttpRequest request = exchange.getRequest();
            logger.debug("Policy '{}' denied {} {}: {}", policy.name(), request.getMethod(),
                    request.getPath().pathWithinApplication(), denied.exception().reason());
        }
        return Verdict.refuse(PolicyResponse.refusal(decision, policy.name()));
    }

    private static Verdict proceed(ServerWebExchange exchange, Object handler, @Nullable EffectivePolicy policy) {
        Object found = handler == NO_HANDLER ? null : handler;
        exchange.getAttributes().put(ATTRIBUTE, new Resolved(exchange.getRequest(), found, policy));
        return new Verdict(found, null);
    }

    /**
     * A request's handler as decided.
     *
     * @param request the request object it was decided for
     * @param handler its handler, or {@code null} when no mapping has one
     * @param policy the policy decided, or {@code null} when the request was left to a route's own
     *        filter or to the CORS refusal
     */
    record Resolved(ServerHttpRequest request, @Nullable Object handler, @Nullable EffectivePolicy policy) {

        /* Whether the decision made for this request holds for the changed one. */
        boolean decidedAlike(ServerHttpRequest changed, EffectivePolicy next) {
            return policy != null && policy.sameRequirementsAs(next)
                    && request.getMethod().equals(changed.getMethod())
                    && request.getPath().pathWithinApplication().value()
                            .equals(changed.getPath().pathWithinApplication().value());
        }
    }

    /**
     * What to do with a request.
     *
     * @param handler the handler to dispatch to, when allowed and there is one
     * @param refusal the problem to answer instead, when refused
     */
    record Verdict(@Nullable Object handler, @Nullable PolicyResponse refusal) {

        static Verdict refuse(PolicyResponse problem) {
            return new Verdict(null, problem);
        }
    }
}
