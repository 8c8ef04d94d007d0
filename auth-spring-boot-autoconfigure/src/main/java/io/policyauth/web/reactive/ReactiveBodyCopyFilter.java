package io.policyauth.web.reactive;

import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Makes reactive request bodies copyable for policies that decide on them (the context's
 * {@code RequestBody}, see {@link ReactiveRequestContexts}). Nothing is read unless a policy or the
 * handler asks for the body. Ordered ahead of {@link PolicyWebFilter} and of anything else that
 * reads the body.
 */
public final class ReactiveBodyCopyFilter implements WebFilter, Ordered {

    /** The filter's order: ahead of every body reader and of {@link PolicyWebFilter}. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Exchange attribute holding the copyable request. */
    static final String ATTRIBUTE = ReactiveBodyCopyFilter.class.getName();

    private final int limit;
    private final Duration readTimeout;
    private final FormHttpMessageReader forms;

    /**
     * @param limit the largest body any policy wants, in bytes
     * @param readTimeout the longest wait for a client to send the body a policy reads
     * @param forms the application's form reader (its configured {@code spring.codec.max-in-memory-size})
     */
    public ReactiveBodyCopyFilter(int limit, Duration readTimeout, FormHttpMessageReader forms) {
        if (limit <= 0) {
            throw new IllegalArgumentException("The body limit must be positive");
        }
        this.limit = limit;
        this.readTimeout = readTimeout;
        this.forms = forms;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        BodyCopyingServerRequest request = new BodyCopyingServerRequest(exchange.getRequest(), limit, readTimeout);
        BodyCopyingExchange copying = new BodyCopyingExchange(exchange, request, forms);
        copying.getAttributes().put(ATTRIBUTE, request);
        return chain.filter(copying).doFinally(signal -> request.release());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
