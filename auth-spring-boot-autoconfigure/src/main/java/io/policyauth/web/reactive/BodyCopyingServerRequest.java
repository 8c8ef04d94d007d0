package io.policyauth.web.reactive;

import java.time.Duration;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.policyauth.core.RequestBodyRejectedException;
import io.policyauth.web.ContentTypes;

/**
 * A reactive request whose first bytes a policy can copy before the handler reads the body: they
 * are read once, kept, and handed to the handler ahead of the rest of the stream, so a policy sees
 * byte for byte what the handler reads. A request no policy copies reads its body untouched.
 */
final class BodyCopyingServerRequest extends ServerHttpRequestDecorator {

    private final int limit;
    private @Nullable BodyHead head;

    /**
     * @param request the request
     * @param limit the most bytes any policy wants
     */
    BodyCopyingServerRequest(ServerHttpRequest request, int limit) {
        super(request);
        this.limit = limit;
    }

    /**
     * Reads the start of the body, waiting for it: only ever called off the event loop.
     *
     * @param wanted the most bytes the caller wants, at most this request's limit
     * @param timeout the longest wait for the client to send them
     * @return up to {@code wanted + 1} bytes of the body
     * @throws RequestBodyRejectedException 415 for a multipart body
     * @throws RequestBodyRejectedException 408 when the client did not send it in time
     * @throws java.io.UncheckedIOException when the body cannot be read
     */
    byte[] copy(int wanted, Duration timeout) {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("A request body is copied only by a policy that runs off the event loop");
        }
        if (ContentTypes.is(getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), ContentTypes.MULTIPART)) {
            throw RequestBodyRejectedException.multipart();
        }
        byte[] bytes = head().await(timeout);
        // A kept head longer than the limit means a larger body, whatever the caller wants.
        return bytes.length > wanted + 1 || bytes.length > limit ? Arrays.copyOf(bytes, wanted + 1) : bytes;
    }

    /**
     * Receives the start of the body without holding a thread, so that {@link #copy} then finds it
     * read. A multipart body is left unread: {@link #copy} refuses it.
     *
     * @param timeout the longest wait for the client to send it
     * @return completes when the start is read, the body failed or the timeout passed
     */
    Mono<Void> received(Duration timeout) {
        if (ContentTypes.is(getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), ContentTypes.MULTIPART)) {
            return Mono.empty();
        }
        return head().received(timeout);
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
