package io.policyauth.web.reactive;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.PolicyAuthAttributes;
import io.policyauth.web.PolicyResponse;
import io.policyauth.web.RefusedRequestTargets;

/**
 * Enforces each request's policy before its handler runs, on every handler mapping WebFlux has
 * (annotated controllers, functional routes, static resources, Actuator): the handler's
 * {@code @RequiresPolicy}, else the first matching route rule, else the default policy. A
 * functional route built with {@link FunctionalRoutePolicies#requires} is left to its own filter.
 * A granted request carries its {@link AuthenticatedUser} as the exchange attribute
 * {@link PolicyAuthAttributes#USER}; a denied one gets the same problem response as on the servlet side.
 * CORS preflights pass unchecked, as there. A filter ordered after this one that changes the
 * request has it decided again before dispatch ({@link ResolvedHandlerMapping}). A request target
 * that Tomcat would refuse before any application code ({@link RefusedRequestTargets}) is refused
 * with 400 here too.
 */
public final class PolicyWebFilter implements WebFilter, Ordered, SmartInitializingSingleton {

    /** After CORS and observation filters, before anything that reads the body or the user. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final HandlerDecider decider;

    /**
     * @param mappings the application's handler mappings, in their order, without
     *        {@link ResolvedHandlerMapping}
     * @param policies the per-handler policies
     * @param runner runs the policies
     */
    public PolicyWebFilter(Supplier<List<HandlerMapping>> mappings, EffectivePolicies policies,
            ReactivePolicyRunner runner) {
        this.decider = new HandlerDecider(mappings, policies, runner);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String refusal = RefusedRequestTargets.refusal(exchange.getRequest().getPath().value());
        if (refusal != null) {
            return ReactiveResponseWriter.write(exchange.getResponse(), PolicyResponse.problem(400,
                    "bad-request-target", "Bad request target", refusal, null));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return decider.decide(exchange).flatMap(verdict -> verdict.refusal() == null ? chain.filter(exchange)
                : ReactiveResponseWriter.write(exchange.getResponse(), verdict.refusal()));
    }

    /*
     * The handler mappings are looked up once every bean exists, before the first request: looked
     * up lazily, the first requests arriving together would wait on one another on event loops.
     */
    @Override
    public void afterSingletonsInstantiated() {
        decider.mappings();
    }

    /* The same lookup and decision, for the dispatcher when a later filter changed the request. */
    HandlerDecider decider() {
        return decider;
    }
}
