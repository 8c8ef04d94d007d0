package io.policyauth.core;

import java.util.List;

/**
 * A caller refused because the request names a tenant that is not the caller's, and the caller
 * holds no cross-tenant role: HTTP 403, problem type {@code tenant-mismatch}. The detail never says
 * whether the tenant exists.
 */
public class TenantMismatchException extends AuthException {

    /** The reason code. */
    public static final String REASON = "tenant_mismatch";

    public TenantMismatchException() {
        super(new Denial(DenialKind.TENANT_MISMATCH, REASON, "The caller may not act in the tenant this request names.",
                List.of(), null), null);
    }
}
