package io.policyauth.core;

import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * The request is malformed as far as credentials go, for example two {@code Authorization}
 * headers: HTTP 400. Counted as {@link Outcome#UNAUTHENTICATED}.
 */
public class InvalidCredentialRequestException extends AuthException {

    /**
     * @param reason reason code, for example {@code duplicate_credential}
     * @param detail client-safe sentence
     * @param challenge a challenge to send (RFC 6750 {@code invalid_request}), or {@code null}
     */
    public InvalidCredentialRequestException(String reason, String detail, @Nullable Challenge challenge) {
        super(new Denial(DenialKind.INVALID_REQUEST, reason, detail, challenge == null ? List.of() : List.of(challenge),
                null), null);
    }
}
