package io.policyauth.core;

import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.time.Instant;

/**
 * One authorization decision, for audit: granted, denied or {@code would_deny}. Holds identifiers
 * only, never a credential: the subject, and the credential's id ({@code jti} or API key id).
 * Published as a Spring application event by the auto-configuration.
 *
 * @param time when the decision was made
 * @param policy the policy name
 * @param outcome the outcome
 * @param reason the failure's reason code; when granted, {@code null}, or {@code cross_tenant} for a
 *        caller admitted to another tenant by a cross-tenant role
 * @param subject the caller, or {@code null} when not authenticated
 * @param credentialId the token id or API key id, or {@code null}
 * @param binding how the caller's token is bound to its holder: {@code dpop} (RFC 9449) or
 *        {@code mtls} (RFC 8705); {@code null} for a bearer credential or none
 * @param tenant the caller's tenant, or {@code null}
 * @param targetTenant the tenant the request names, under tenancy, or {@code null}
 * @param clientAddress the client address as resolved behind trusted proxies, or {@code null} when it
 *        cannot be told
 * @param method the HTTP method
 * @param path the request path
 * @param duration time spent deciding
 * @param mechanism how the caller was authenticated ({@link AuthenticatedUser#mechanism()}), or
 *        {@code null} when not authenticated
 */
public record AuthDecisionEvent(Instant time, String policy, Outcome outcome, @Nullable String reason,
        @Nullable String subject, @Nullable String credentialId, @Nullable String binding, @Nullable String tenant,
        @Nullable String targetTenant, @Nullable String clientAddress, String method, String path, Duration duration,
        @Nullable String mechanism) {

    /**
     * A decision whose caller's mechanism is not told.
     *
     * @see #AuthDecisionEvent(Instant, String, Outcome, String, String, String, String, String, String, String,
     *      String, String, Duration, String)
     */
    public AuthDecisionEvent(Instant time, String policy, Outcome outcome, @Nullable String reason,
            @Nullable String subject, @Nullable String credentialId, @Nullable String binding, @Nullable String tenant,
            @Nullable String targetTenant, @Nullable String clientAddress, String method, String path,
            Duration duration) {
        this(time, policy, outcome, reason, subject, credentialId, binding, tenant, targetTenant, clientAddress,
                method, path, duration, null);
    }
}
