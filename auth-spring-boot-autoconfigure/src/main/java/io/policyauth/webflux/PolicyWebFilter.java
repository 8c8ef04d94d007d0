package io.policyauth.webflux;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.core.Ordered;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.HandlerPolicies;
import io.policyauth.web.ProblemResponse;
import io.policyauth.web.RefusedRequestTargets;

/**
 * Enforces each request's policy before its handler runs, on every handler mapping WebFlux has
 * (annotated controllers, functional routes, static resources, Actuator): the handler's
 * {@code @RequiresPolicy}, else the first matching route rule, else the default policy. A
 * functional route built with {@link RoutePolicies#requires} is left to its own filter.
 * A granted request carries its {@link AuthenticatedUser} as the exchange attribute
 * {@link #USER_ATTRIBUTE}; a denied one gets the same problem response as on the servlet side.
 * CORS preflights pass unchecked, as there. A filter ordered after this one that changes the
 * request has it decided again before dispatch ({@link ResolvedHandlerMapping}). A request target
 * that Tomcat would refuse before any application code ({@link RefusedRequestTargets}) is refused
 * with 400 here too.
 */
public final class PolicyWebFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the {@link AuthenticatedUser} of a granted request. */
    public static final String USER_ATTRIBUTE = AuthenticatedUser.class.getName();

    /** After CORS and observation filters, before anything that reads the body or the user. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final HandlerDecider decider;

    /**
     * @param mappings the application's handler mappings, in their order, without
     *        {@link ResolvedHandlerMapping}
     * @param policies the per-handler policies
     * @param decisions runs the policies
     */
    public PolicyWebFilter(Supplier<List<HandlerMapping>> mappings, HandlerPolicies policies,
            ReactiveDecisions decisions) {
        this.decider = new HandlerDecider(mappings, policies, decisions);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String refusal = RefusedRequestTargets.refusal(exchange.getRequest().getPath().value());
        if (refusal != null) {
            return ReactiveResponses.problem(exchange.getResponse(), ProblemResponse.of(400, "bad-request-target",
                    "Bad request target", refusal, null));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return decider.decide(exchange).flatMap(verdict -> verdict.refusal() == null ? chain.filter(exchange)
                : ReactiveResponses.problem(exchange.getResponse(), verdict.refusal()));
    }

    /* The same lookup and decision, for the dispatcher when a later filter changed the request. */
    HandlerDecider decider() {
        return decider;
    }
}
