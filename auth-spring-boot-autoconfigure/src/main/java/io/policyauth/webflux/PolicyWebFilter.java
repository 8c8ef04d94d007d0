package io.policyauth.webflux;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.HandlerPolicies;
import io.policyauth.web.HandlerPolicy;
import io.policyauth.web.ProblemResponse;
import io.policyauth.web.RefusedRequestTargets;

/**
 * Enforces each request's policy before its handler runs, on every handler mapping WebFlux has
 * (annotated controllers, functional routes, static resources, Actuator): the handler's
 * {@code @RequiresPolicy}, else the first matching route rule, else the default policy. A
 * functional route built with {@link RoutePolicies#requires} is left to its own filter.
 * A granted request carries its {@link AuthenticatedUser} as the exchange attribute
 * {@link #USER_ATTRIBUTE}; a denied one gets the same problem response as on the servlet side.
 * CORS preflights pass unchecked, as there. A request target that Tomcat would refuse before any
 * application code ({@link RefusedRequestTargets}) is refused with 400 here too.
 */
public final class PolicyWebFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the {@link AuthenticatedUser} of a granted request. */
    public static final String USER_ATTRIBUTE = AuthenticatedUser.class.getName();

    /** After CORS and observation filters, before anything that reads the body or the user. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final Logger logger = LoggerFactory.getLogger(PolicyWebFilter.class);
    private static final Object NO_HANDLER = new Object();

    private final Supplier<List<HandlerMapping>> mappings;
    private final HandlerPolicies policies;
    private final ReactiveDecisions decisions;

    /**
     * @param mappings the application's handler mappings, in their order, without
     *        {@link ResolvedHandlerMapping}
     * @param policies the per-handler policies
     * @param decisions runs the policies
     */
    public PolicyWebFilter(Supplier<List<HandlerMapping>> mappings, HandlerPolicies policies,
            ReactiveDecisions decisions) {
        this.mappings = mappings;
        this.policies = policies;
        this.decisions = decisions;
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
        return handler(exchange).defaultIfEmpty(NO_HANDLER).flatMap(handler -> {
            // A CORS request the mapping refused (403 set already) is not decided, as in Spring MVC.
            if (RoutePolicies.decidesItself(exchange.getAttributes())
                    || HttpStatus.FORBIDDEN.equals(exchange.getResponse().getStatusCode())) {
                return chain.filter(exchange);
            }
            HandlerPolicy policy = policies.forHandler(handler, exchange.getRequest().getPath()
                    .pathWithinApplication(), exchange.getRequest().getMethod().name());
            if (policy.exempt()) {
                return chain.filter(exchange);
            }
            return decisions.decide(exchange, policy).flatMap(decision -> {
                if (decision.user() != null) {
                    exchange.getAttributes().put(USER_ATTRIBUTE, decision.user());
                    return chain.filter(exchange);
                }
                if (decision.denial() != null) {
                    logger.debug("Policy '{}' denied {} {}: {}", policy.name(), exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath().pathWithinApplication(), decision.denial().reason());
                    return ReactiveResponses.problem(exchange.getResponse(),
                            ProblemResponse.of(decision.denial(), policy.name()));
                }
                logger.error("Policy '{}' failed unexpectedly; the request is denied", policy.name(),
                        decision.failure());
                return ReactiveResponses.problem(exchange.getResponse(), ProblemResponse.error(policy.name()));
            });
        });
    }

    /* The handler DispatcherHandler will pick, the first mapping's that has one, remembered for it. */
    private Mono<Object> handler(ServerWebExchange exchange) {
        return Flux.fromIterable(mappings.get()).concatMap(mapping -> mapping.getHandler(exchange)).next()
                .doOnNext(handler -> ResolvedHandlerMapping.remember(exchange, handler));
    }
}
