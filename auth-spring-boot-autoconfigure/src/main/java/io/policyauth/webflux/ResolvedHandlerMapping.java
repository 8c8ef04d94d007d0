package io.policyauth.webflux;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Hands {@code DispatcherHandler} the handler that {@link PolicyWebFilter} already looked up for
 * this request, so the mappings are not asked twice. The real mapping's work (path variables, the
 * best matching pattern, CORS headers) was done on this exchange by that first lookup. A request
 * changed after the filter, or one the filter did not look up, goes on to the real mappings.
 */
public final class ResolvedHandlerMapping implements HandlerMapping, Ordered {

    private static final String ATTRIBUTE = ResolvedHandlerMapping.class.getName();

    @Override
    public Mono<Object> getHandler(ServerWebExchange exchange) {
        Resolved resolved = exchange.getAttribute(ATTRIBUTE);
        return resolved != null && resolved.request() == exchange.getRequest() ? Mono.just(resolved.handler())
                : Mono.empty();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /* Called by the filter with the handler the real mappings gave for this exchange. */
    static void remember(ServerWebExchange exchange, Object handler) {
        exchange.getAttributes().put(ATTRIBUTE, new Resolved(exchange.getRequest(), handler));
    }

    private record Resolved(ServerHttpRequest request, Object handler) {
    }
}
