package io.policyauth.core;

import java.util.List;

/** A known caller that the policy does not admit: HTTP 403. */
public class ForbiddenException extends AuthException {

    /**
     * @param reason reason code, for example {@code insufficient_scope} or {@code address_not_allowed}
     * @param detail client-safe sentence
     * @param challenges challenges to send with the 403 (RFC 6750 {@code insufficient_scope}), may be empty
     */
    public ForbiddenException(String reason, String detail, List<Challenge> challenges) {
        super(new Denial(DenialKind.FORBIDDEN, reason, detail, challenges, null), null);
    }
}
