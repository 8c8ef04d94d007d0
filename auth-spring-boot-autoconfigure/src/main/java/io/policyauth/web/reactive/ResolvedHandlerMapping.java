package io.policyauth.web.reactive;

import org.springframework.core.Ordered;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * The first handler mapping {@code DispatcherHandler} asks: it hands over the handler that
 * {@link PolicyWebFilter} looked up and decided for this request, so the mappings are not asked
 * twice (the real mapping's work, path variables and CORS headers, was done on this exchange by
 * that lookup). A request that a filter after {@link PolicyWebFilter} changed (a trailing slash
 * removed, a hidden method applied) is looked up and decided again here, so no handler ever runs
 * undecided: a refusal is then dispatched as a handler that writes the problem.
 */
public final class ResolvedHandlerMapping implements HandlerMapping, Ordered {

    private final HandlerDecider decider;

    /**
     * @param filter the web filter whose lookups and decisions this mapping hands over
     */
    public ResolvedHandlerMapping(PolicyWebFilter filter) {
        this.decider = filter.decider();
    }

    @Override
    public Mono<Object> getHandler(ServerWebExchange exchange) {
        HandlerDecider.Resolved resolved = HandlerDecider.resolved(exchange);
        if (resolved != null) {
            return Mono.justOrEmpty(resolved.handler());
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return decider.decide(exchange).flatMap(verdict -> verdict.refusal() == null
                ? Mono.justOrEmpty(verdict.handler())
                : Mono.just((WebHandler) refused -> ReactiveResponseWriter.write(refused.getResponse(),
                        verdict.refusal())));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
