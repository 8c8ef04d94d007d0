package io.policyauth.web.reactive;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.policyauth.core.RequestBodyRejectedException;
import io.policyauth.web.BodyCopies;
import io.policyauth.web.ContentTypes;

/**
 * A reactive request whose first bytes a policy can copy before the handler reads the body: they
 * are read once, kept, and handed to the handler ahead of the rest of the stream, so a policy sees
 * byte for byte what the handler reads. A request no policy copies reads its body untouched.
 */
final class BodyCopyingServerRequest extends ServerHttpRequestDecorator {

    private final int limit;
    private final Duration readTimeout;
    private @Nullable BodyHead head;

    /**
     * @param request the request
     * @param limit the most bytes any policy wants
     * @param readTimeout the longest wait for the client to send the start of the body
     */
    BodyCopyingServerRequest(ServerHttpRequest request, int limit, Duration readTimeout) {
        super(request);
        this.limit = limit;
        this.readTimeout = readTimeout;
    }

    /**
     * Reads the start of the body, waiting for it: only ever called off the event loop.
     *
     * @param wanted the most bytes the caller wants, at most this request's limit
     * @return up to {@code wanted + 1} bytes of the body
     * @throws RequestBodyRejectedException 415 for a multipart body
     * @throws RequestBodyRejectedException 408 when the client did not send it in time
     * @throws java.io.UncheckedIOException when the body cannot be read
     */
    byte[] copy(int wanted) {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("A request body is copied only by a policy that runs off the event loop");
        }
        BodyCopies.refuseMultipart(getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
        return BodyCopies.upTo(head().await(readTimeout), wanted, limit);
    }

    /**
     * Receives the start of the body without holding a thread, so that {@link #copy} then finds it
     * read. A multipart body is left unread: {@link #copy} refuses it.
     *
     * @return completes when the start is read, the body failed or the read timeout passed
     */
    Mono<Void> received() {
        if (ContentTypes.is(getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), ContentTypes.MULTIPART)) {
            return Mono.empty();
        }
        return head().received(readTimeout);
    }

    /**
     * @return whether a policy has started reading the body
     */
    synchronized boolean copied() {
        return head != null;
    }

    @Override
    public Flux<DataBuffer> getBody() {
        BodyHead started;
        synchronized (this) {
            started = head;
        }
        return started == null ? getDelegate().getBody() : started.replay();
    }

    /** Frees the kept buffers if the handler never read the body. */
    void release() {
        BodyHead started;
        synchronized (this) {
            started = head;
        }
        if (started != null) {
            started.release();
        }
    }

    private BodyHead head() {
        BodyHead started;
        boolean subscribe = false;
        synchronized (this) {
            if (head == null) {
                head = new BodyHead(limit);
                subscribe = true;
            }
            started = head;
        }
        if (subscribe) {
            getDelegate().getBody().subscribe(started);
        }
        return started;
    }
}
