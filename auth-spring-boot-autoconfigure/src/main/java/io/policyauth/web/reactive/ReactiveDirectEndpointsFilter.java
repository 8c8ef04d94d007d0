package io.policyauth.web.reactive;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import io.policyauth.web.DirectEndpoints;
import io.policyauth.web.EndpointRequest;
import io.policyauth.web.PolicyResponse;

/**
 * {@link DirectEndpoints} (the gateway's, the tenant admin API), answered on WebFlux first of all
 * web filters, so nothing meant for the application's handlers has a say in them. A body is read
 * without blocking; the answer is made inline when it cannot block, else on the bounded scheduler.
 */
public final class ReactiveDirectEndpointsFilter implements WebFilter, Ordered {

    private final DirectEndpoints endpoints;
    private final Scheduler blockingScheduler;
    private final boolean offload;
    private final Duration bodyReadTimeout;

    /**
     * @param endpoints what the endpoints answer
     * @param blockingScheduler where answers that may block are made
     * @param bodyReadTimeout the longest wait for a body the endpoints read; past it 408
     */
    public ReactiveDirectEndpointsFilter(DirectEndpoints endpoints, Scheduler blockingScheduler,
            Duration bodyReadTimeout) {
        this.endpoints = endpoints;
        this.blockingScheduler = blockingScheduler;
        this.offload = endpoints.mayBlock();
        this.bodyReadTimeout = bodyReadTimeout;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String endpoint = endpoints.endpoint(request.getPath().pathWithinApplication().value());
        if (endpoint == null) {
            return chain.filter(exchange);
        }
        Mono<EndpointRequest> forwarded = endpoints.readsBody(endpoint, request.getMethod().name())
                ? body(request).map(body -> request(request, endpoint, body))
                : Mono.fromSupplier(() -> request(request, endpoint, null));
        return forwarded.flatMap(endpointRequest -> {
            Mono<PolicyResponse> answer = Mono.fromCallable(() -> endpoints.answer(endpointRequest));
            return offload ? answer.subscribeOn(blockingScheduler) : answer;
        }).onErrorResume(TimeoutException.class, late -> Mono.just(endpoints.bodyTimedOut(endpoint)))
                .flatMap(answer -> ReactiveResponseWriter.write(exchange.getResponse(), answer));
    }

    /* At most one byte more than the endpoints read, so that a larger body is told apart. */
    private Mono<byte[]> body(ServerHttpRequest request) {
        int limit = endpoints.maxBodyBytes() + 1;
        return DataBufferUtils.join(request.getBody(), limit).timeout(bodyReadTimeout).map(joined -> {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            DataBufferUtils.release(joined);
            return bytes;
        }).defaultIfEmpty(new byte[0]).onErrorResume(DataBufferLimitException.class,
                larger -> Mono.just(new byte[limit]));
    }

    private static EndpointRequest request(ServerHttpRequest request, String endpoint, byte @Nullable [] body) {
        return new EndpointRequest(ReactiveRequestContexts.peerAddress(request),
                ReactiveRequestContexts.headers(request), request.getMethod().name(), endpoint,
                request.getURI().getRawQuery(), body);
    }
}
