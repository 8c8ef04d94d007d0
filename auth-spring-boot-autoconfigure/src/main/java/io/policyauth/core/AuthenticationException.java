package io.policyauth.core;

import org.jspecify.annotations.Nullable;
import java.util.List;

/** No valid credential: HTTP 401 with one {@code WWW-Authenticate} challenge per scheme. */
public class AuthenticationException extends AuthException {

    /**
     * @param reason reason code, for example {@code missing_token} or {@code token_expired}
     * @param detail client-safe sentence
     * @param credentialPresented whether the request carried a credential of this kind
     * @param challenges the challenges to send
     * @param cause underlying failure for logs, or {@code null}
     */
    public AuthenticationException(String reason, String detail, boolean credentialPresented,
            List<Challenge> challenges, @Nullable Throwable cause) {
        super(new Denial(credentialPresented ? DenialKind.CREDENTIAL_REJECTED : DenialKind.CREDENTIAL_MISSING, reason,
                detail, challenges, null), cause);
    }

    /**
     * @param denial the refusal, of kind {@link DenialKind#CREDENTIAL_MISSING} or
     *        {@link DenialKind#CREDENTIAL_REJECTED}
     * @param cause underlying failure for logs, or {@code null}
     */
    public AuthenticationException(Denial denial, @Nullable Throwable cause) {
        super(denial, cause);
        if (!denial.kind().asksForCredential()) {
            throw new IllegalArgumentException("Not a missing or rejected credential: " + denial.kind());
        }
    }

    /**
     * @return whether a credential was sent (and rejected), as opposed to missing
     */
    public boolean credentialPresented() {
        return denial().kind() == DenialKind.CREDENTIAL_REJECTED;
    }
}
