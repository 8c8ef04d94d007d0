package io.policyauth.core;

import org.jspecify.annotations.Nullable;

/**
 * The body of the request being decided, copied on demand for the few policies that decide on it:
 * reading one is costly and, on a servlet front, must be arranged before the request reaches the
 * handler, so a front offers it only where a policy may ask ({@code remote} with
 * {@code include-body}).
 */
@FunctionalInterface
public interface RequestBody {

    /** The body of a request whose front arranged no copy: it looks bodiless. */
    RequestBody NONE = limit -> null;

    /**
     * Copies the start of the body without taking it from the handler.
     *
     * @param limit the most bytes the caller wants
     * @return up to {@code limit + 1} bytes, so that more than {@code limit} means the body is
     *         larger than the caller accepts; empty for an empty body; {@code null} when the front
     *         cannot provide the body
     * @throws RequestBodyRejectedException for a body that cannot be copied (multipart: 415; not
     *         sent in time: 408)
     * @throws java.io.UncheckedIOException when the client failed to send its body
     */
    byte @Nullable [] copy(int limit);
}
