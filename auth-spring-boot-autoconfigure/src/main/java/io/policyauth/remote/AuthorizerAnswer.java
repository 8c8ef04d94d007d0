package io.policyauth.remote;

import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * A decision of an authorizer: a grant (HTTP 200) with roles, or a denial with its status.
 *
 * @param status the HTTP status the authorizer answered with
 * @param subject the caller as named by the authorizer ({@code sub} or {@code user}), or {@code null}
 * @param roles the granted roles; empty for a denial
 * @param scopes the granted scopes ({@code scopes}); empty when none were given
 * @param error the authorizer's reason for a denial, or {@code null}; may be shown to clients only
 *        when the policy is configured to
 */
public record AuthorizerAnswer(int status, @Nullable String subject, List<String> roles, List<String> scopes,
        @Nullable String error) {

    /** The status of a grant. */
    public static final int GRANTED = 200;

    /** The status that means the credentials were not accepted. */
    public static final int UNAUTHENTICATED = 401;

    /** The status that means a known caller is refused. */
    public static final int FORBIDDEN = 403;

    public AuthorizerAnswer {
        roles = List.copyOf(roles);
        scopes = List.copyOf(scopes);
    }

    /**
     * @return whether the authorizer admitted the request
     */
    public boolean granted() {
        return status == GRANTED;
    }

    /**
     * Whether the answer depends only on what was sent, so that it may be reused for the same
     * request: grants, 401 and 403. Other denials may be transient (429, 408).
     *
     * @return whether the answer may be cached
     */
    public boolean cacheable() {
        return status == GRANTED || status == UNAUTHENTICATED || status == FORBIDDEN;
    }
}
