package io.policyauth.web.reactive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

import io.policyauth.core.RequestBodyRejectedException;

/**
 * The one subscriber of a request body whose start a policy copies: it reads buffers until it
 * holds more than the limit (or the body ends), then stops asking, so a large body is not read
 * further until the handler wants it. The handler then gets the kept buffers followed by the rest
 * of the stream, with its own demand.
 */
final class BodyHead extends BaseSubscriber<DataBuffer> {

    private final int limit;
    private final CompletableFuture<byte[]> head = new CompletableFuture<>();
    private final List<DataBuffer> kept = new ArrayList<>();
    private int size;
    private boolean handedOver;
    private boolean complete;
    private @Nullable Throwable failure;
    private @Nullable FluxSink<DataBuffer> rest;

    /**
     * @param limit the most bytes any policy wants; one more is kept to tell a larger body
     */
    BodyHead(int limit) {
        this.limit = limit;
    }

    /**
     * Waits, on a thread that may block, for the head of the body.
     *
     * @return up to {@code limit + 1} bytes
     * @throws RequestBodyRejectedException 408 when the client took longer than the timeout
     * @throws UncheckedIOException when the body failed or was abandoned
     */
    byte[] await(Duration timeout) {
        try {
            return head.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("Interrupted while reading the request body"));
        }
        catch (TimeoutException late) {
            throw RequestBodyRejectedException.timedOut();
        }
        catch (ExecutionException failed) {
            if (failed.getCause() instanceof TimeoutException) {
                throw RequestBodyRejectedException.timedOut();
            }
            throw new UncheckedIOException(new IOException("The request body could not be read", failed));
        }
        catch (CancellationException abandoned) {
            throw new UncheckedIOException(new IOException("The request body could not be read", abandoned));
        }
    }

    /**
     * Waits, holding no thread, for the head of the body. Past the timeout the body is abandoned,
     * and {@link #await} then reports the timeout.
     *
     * @param timeout the longest wait for the client to send it
     * @return completes when the head is read, the body failed or the timeout passed; never an error
     */
    Mono<Void> received(Duration timeout) {
        return Mono.fromFuture(head, true).timeout(timeout).then()
                .onErrorResume(TimeoutException.class, late -> {
                    head.completeExceptionally(late);
                    cancel();
                    return Mono.empty();
                })
                .onErrorResume(failed -> Mono.empty());
    }

    /**
     * @return the whole body for the handler: the kept buffers, then the rest; once
     */
    Flux<DataBuffer> replay() {
        return Flux.create(sink -> {
            synchronized (this) {
                if (handedOver) {
                    sink.error(new IllegalStateException("The request body has been read already"));
                    return;
                }
                handedOver = true;
                kept.forEach(sink::next);
                kept.clear();
                if (failure != null) {
                    sink.error(failure);
                }
                else if (complete) {
                    sink.complete();
                }
                else {
                    rest = sink;
                    sink.onRequest(this::request);
                    sink.onCancel(this::cancel);
                }
            }
        });
    }

    /** Frees what the handler never took, once the exchange is over. */
    void release() {
        synchronized (this) {
            if (handedOver) {
                return;
            }
            handedOver = true;
            kept.forEach(DataBufferUtils::release);
            kept.clear();
        }
        cancel();
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        subscription.request(1);
    }

    @Override
    protected void hookOnNext(DataBuffer buffer) {
        boolean full;
        synchronized (this) {
            if (rest != null) {
                rest.next(buffer);
                return;
            }
            if (handedOver) {
                DataBufferUtils.release(buffer);
                return;
            }
            kept.add(buffer);
            size += buffer.readableByteCount();
            full = size > limit;
        }
        if (full) {
            head.complete(copyKept());
        }
        else {
            request(1);
        }
    }

    @Override
    protected void hookOnComplete() {
        synchronized (this) {
            complete = true;
            if (rest != null) {
                rest.complete();
            }
        }
        head.complete(copyKept());
    }

    @Override
    protected void hookOnError(Throwable error) {
        synchronized (this) {
            failure = error;
            if (rest != null) {
                rest.error(error);
            }
        }
        head.completeExceptionally(error);
    }

    @Override
    protected void hookOnCancel() {
        head.cancel(false);
    }

    /* The kept bytes, up to limit + 1, read without moving the buffers' positions. */
    private synchronized byte[] copyKept() {
        byte[] bytes = new byte[Math.min(size, limit + 1)];
        int offset = 0;
        for (DataBuffer buffer : kept) {
            int length = Math.min(bytes.length - offset, buffer.readableByteCount());
            int position = buffer.readPosition();
            buffer.read(bytes, offset, length);
            buffer.readPosition(position);
            offset += length;
        }
        return bytes;
    }
}
