package io.policyauth.core;

import org.jspecify.annotations.Nullable;

/**
 * A bounded copy of the body of the request being decided, for the few policies that decide on
 * it. {@link SecurityRequestContext} carries no body because reading one is costly and, on a
 * servlet front, must be arranged before the request reaches the handler; a front that can provide
 * bodies registers an implementation.
 */
@FunctionalInterface
public interface RequestBodySource {

    /** A source for fronts that cannot provide bodies: every request looks bodiless. */
    RequestBodySource NONE = (context, limit) -> null;

    /**
     * Copies the start of the body without taking it from the handler.
     *
     * @param context the request being decided
     * @param limit the most bytes the caller wants
     * @return up to {@code limit + 1} bytes, so that more than {@code limit} means the body is
     *         larger than the caller accepts; empty for an empty body; {@code null} when this front
     *         cannot provide the body
     * @throws java.io.UncheckedIOException when the client failed to send its body
     */
    byte @Nullable [] copy(SecurityRequestContext context, int limit);
}
