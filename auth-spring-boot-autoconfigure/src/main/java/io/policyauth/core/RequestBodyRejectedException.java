package io.policyauth.core;

import java.util.List;

/**
 * A policy that decides on the request body cannot be shown the body the handler would read:
 * HTTP 413 when it is larger than the policy accepts, 415 when it cannot be copied or decoded
 * faithfully (multipart, an unknown charset, bytes that are not text in the declared charset).
 * Counted as {@link Outcome#FORBIDDEN}: the request is refused without being decided.
 */
public class RequestBodyRejectedException extends AuthException {

    /** Status for a body over the policy's limit. */
    public static final int PAYLOAD_TOO_LARGE = 413;

    /** Status for a body that cannot be sent faithfully. */
    public static final int UNSUPPORTED_MEDIA_TYPE = 415;

    private final int status;

    private RequestBodyRejectedException(int status, String reason, String detail) {
        super(reason, detail, List.of(), null);
        this.status = status;
    }

    /**
     * @return a 413 {@code body_too_large}
     */
    public static RequestBodyRejectedException tooLarge() {
        return new RequestBodyRejectedException(PAYLOAD_TOO_LARGE, "body_too_large",
                "The request body is too large to be authorized.");
    }

    /**
     * @param detail a client-safe sentence saying what cannot be sent
     * @return a 415 {@code body_not_copyable}
     */
    public static RequestBodyRejectedException notCopyable(String detail) {
        return new RequestBodyRejectedException(UNSUPPORTED_MEDIA_TYPE, "body_not_copyable", detail);
    }

    /**
     * @return 413 or 415
     */
    public int status() {
        return status;
    }

    @Override
    public Outcome outcome() {
        return Outcome.FORBIDDEN;
    }

    @Override
    public int specificity() {
        return 4;
    }
}
