package io.policyauth.web;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.RequestBodyRejectedException;

/** The rules every front's body copier follows, so a policy is shown a body alike on both stacks. */
public final class BodyCopies {

    private BodyCopies() {
    }

    /**
     * Multipart bodies are parsed by the server before any policy runs, so they cannot be copied
     * as the handler will read them.
     *
     * @param contentType the request's {@code Content-Type}, or {@code null}
     * @throws RequestBodyRejectedException 415 for a multipart body
     */
    public static void refuseMultipart(@Nullable String contentType) {
        if (ContentTypes.is(contentType, ContentTypes.MULTIPART)) {
            throw RequestBodyRejectedException.multipart();
        }
    }

    /**
     * @param kept the start of the body the copier kept: at most {@code limit + 1} bytes
     * @param wanted the most bytes the caller wants, at most {@code limit}
     * @param limit the most bytes any policy wants
     * @return up to {@code wanted + 1} bytes: a kept start longer than either bound says "larger"
     *         with {@code wanted + 1} bytes, padded if need be
     */
    public static byte[] upTo(byte[] kept, int wanted, int limit) {
        return kept.length > wanted + 1 || kept.length > limit ? Arrays.copyOf(kept, wanted + 1) : kept.clone();
    }
}
