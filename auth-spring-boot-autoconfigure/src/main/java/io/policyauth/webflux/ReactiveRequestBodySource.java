package io.policyauth.webflux;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

import io.policyauth.core.RequestBodySource;
import io.policyauth.core.SecurityRequestContext;

/**
 * Copies bodies of reactive requests that passed {@link ReactiveBodyCopyFilter}. A reactive
 * request has no thread of its own, so {@link ReactiveDecisions} names the request for the
 * duration of each decision on the thread that runs it; policies that read bodies may block, so
 * that thread is never an event loop.
 */
public final class ReactiveRequestBodySource implements RequestBodySource {

    /** The longest wait for a client to send the body a policy reads: Tomcat's default connection timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);

    private final ThreadLocal<BodyCopyingServerRequest> deciding = new ThreadLocal<>();
    private final Duration readTimeout;

    /** A source that waits at most {@link #DEFAULT_READ_TIMEOUT} for a body. */
    public ReactiveRequestBodySource() {
        this(DEFAULT_READ_TIMEOUT);
    }

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
