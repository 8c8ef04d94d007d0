package io.policyauth.apikey;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What may be shown about a stored key: everything but the secret and its hash.
 *
 * @param keyId the public key id, safe to show and log
 * @param owner the owner (client id); the subject of requests made with the key
 * @param name a human label
 * @param scopes granted scopes
 * @param roles granted roles
 * @param tenant the tenant, or {@code null}
 * @param createdAt when the key was issued
 * @param expiresAt when the key stops working, or {@code null} for never
 * @param revokedAt when the key was revoked, or {@code null}
 * @param lastUsedAt when the key was last accepted, as last recorded, or {@code null}
 * @param controls its own rate limits or plan, allowed addresses, shared limits
 */
public record ApiKeyMetadata(String keyId, String owner, String name, Set<String> scopes, Set<String> roles,
        @Nullable String tenant, Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt, KeyControls controls) {

    public ApiKeyMetadata {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        scopes = scopes == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
        roles = roles == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        controls = controls == null ? KeyControls.NONE : controls;
    }

    /**
     * Metadata of a key with no controls of its own.
     *
     * @see #ApiKeyMetadata(String, String, String, Set, Set, String, Instant, Instant, Instant, Instant, KeyControls)
     */
    public ApiKeyMetadata(String keyId, String owner, String name, Set<String> scopes, Set<String> roles,
            @Nullable String tenant, Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt) {
        this(keyId, owner, name, scopes, roles, tenant, createdAt, expiresAt, revokedAt, lastUsedAt,
                KeyControls.NONE);
    }

    /**
     * Whether the key is accepted at a given time: not revoked and not expired.
     *
     * @param now the time of the request
     * @return {@code true} when active
     */
    public boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
