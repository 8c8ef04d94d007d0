package io.policyauth.web.reactive;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.policyauth.core.RequestBodySource;
import io.policyauth.core.SecurityRequestContext;

/**
 * Copies bodies of reactive requests that passed {@link ReactiveBodyCopyFilter}. Before a policy
 * that reads the body runs, {@link ReactivePolicyRunner} has the start of the body received without
 * holding a thread ({@link #received}); a reactive request has no thread of its own, so it then
 * names the request for the duration of the decision on the thread that runs it, and the copy
 * finds the bytes already there.
 */
public final class ReactiveRequestBodySource implements RequestBodySource {

    private final ThreadLocal<BodyCopyingServerRequest> deciding = new ThreadLocal<>();
    private final Duration readTimeout;

    /**
     * @param readTimeout the longest wait for a client to send the body a policy reads
     */
    public ReactiveRequestBodySource(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @Override
    public byte @Nullable [] copy(SecurityRequestContext context, int limit) {
        BodyCopyingServerRequest request = deciding.get();
        return request == null ? null : request.copy(limit, readTimeout);
    }

    /* Receives the start of the exchange's copyable body, if it has one, holding no thread. */
    Mono<Void> received(ServerWebExchange exchange) {
        BodyCopyingServerRequest request = exchange.getAttribute(ReactiveBodyCopyFilter.ATTRIBUTE);
        return request == null ? Mono.empty() : request.received(readTimeout);
    }

    /* Runs one decision with the exchange's copyable body, if it has one, available to copy(). */
    <T> T during(ServerWebExchange exchange, Supplier<T> decision) {
        BodyCopyingServerRequest request = exchange.getAttribute(ReactiveBodyCopyFilter.ATTRIBUTE);
        if (request == null) {
            return decision.get();
        }
        deciding.set(request);
        try {
            return decision.get();
        }
        finally {
            deciding.remove();
        }
    }
}
