package io.policyauth.web.reactive;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Makes reactive request bodies copyable for policies that decide on them (see
 * {@link ReactiveRequestBodySource}). Nothing is read unless a policy or the handler asks for the
 * body. Ordered ahead of {@link PolicyWebFilter} and of anything else that reads the body.
 */
public final class ReactiveBodyCopyFilter implements WebFilter, Ordered {

    /** The filter's order: ahead of every body reader and of {@link PolicyWebFilter}. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Exchange attribute holding the copyable request. */
    static final String ATTRIBUTE = ReactiveBodyCopyFilter.class.getName();

    private final int limit;

    /**
     * @param limit the largest body any policy wants, in bytes
     */
    public ReactiveBodyCopyFilter(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("The body limit must be positive");
        }
        this.limit = limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        BodyCopyingServerRequest request = new BodyCopyingServerRequest(exchange.getRequest(), limit);
        BodyCopyingExchange copying = new BodyCopyingExchange(exchange, request);
        copying.getAttributes().put(ATTRIBUTE, request);
        return chain.filter(copying).doFinally(signal -> request.release());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
