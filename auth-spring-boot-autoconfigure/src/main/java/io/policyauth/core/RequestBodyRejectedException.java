package io.policyauth.core;

import java.util.List;

/**
 * A policy that decides on the request body cannot be shown the body the handler would read:
 * {@link DenialKind#BODY_TOO_LARGE} (413), {@link DenialKind#BODY_TIMEOUT} (408, the client did
 * not send it in time) or {@link DenialKind#BODY_NOT_COPYABLE} (415, for multipart, an unknown
 * charset, bytes that are not text in the declared charset).
 */
public class RequestBodyRejectedException extends AuthException {

    private RequestBodyRejectedException(DenialKind kind, String reason, String detail) {
        super(new Denial(kind, reason, detail, List.of(), null), null);
    }

    /**
     * @return a 413 {@code body_too_large}
     */
    public static RequestBodyRejectedException tooLarge() {
        return new RequestBodyRejectedException(DenialKind.BODY_TOO_LARGE, "body_too_large",
                "The request body is too large to be authorized.");
    }

    /**
     * @return a 408 {@code body_timeout}
     */
    public static RequestBodyRejectedException timedOut() {
        return new RequestBodyRejectedException(DenialKind.BODY_TIMEOUT, "body_timeout",
                "The request body was not received in time.");
    }

    /**
     * @return a 415 for a multipart body, which no front can copy before its parts are parsed
     */
    public static RequestBodyRejectedException multipart() {
        return notCopyable("A multipart request body cannot be authorized; send it in another format.");
    }

    /**
     * @param detail a client-safe sentence saying what cannot be sent
     * @return a 415 {@code body_not_copyable}
     */
    public static RequestBodyRejectedException notCopyable(String detail) {
        return new RequestBodyRejectedException(DenialKind.BODY_NOT_COPYABLE, "body_not_copyable", detail);
    }
}
