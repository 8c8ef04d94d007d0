package io.policyauth.core;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How an endpoint is bound to the tenant its requests name, under tenancy.
 *
 * @param mode whether the endpoint is isolated
 * @param pathVariable for an isolated endpoint, the path variable that names the tenant (beside the
 *        configured header and subdomain); {@code null} otherwise
 */
public record TenantBinding(Mode mode, @Nullable String pathVariable) {

    /** Tenancy does not apply: it is off, or the endpoint is {@code public}. */
    public static final TenantBinding OFF = new TenantBinding(Mode.OFF, null);

    /** The endpoint opted out with {@code tenant = "none"}. */
    public static final TenantBinding NONE = new TenantBinding(Mode.NONE, null);

    /** What an endpoint declares to opt out of every tenant source. */
    public static final String OPT_OUT = "none";

    public TenantBinding {
        Objects.requireNonNull(mode, "mode");
        if ((mode == Mode.ISOLATED) != (pathVariable != null)) {
            throw new IllegalArgumentException("An isolated binding, and only one, names its path variable");
        }
    }

    /**
     * @param pathVariable the path variable that names the tenant
     * @return the binding of an isolated endpoint
     */
    public static TenantBinding isolated(String pathVariable) {
        return new TenantBinding(Mode.ISOLATED, pathVariable);
    }

    /**
     * @return whether requests that name a tenant admit only that tenant's callers
     */
    public boolean isIsolated() {
        return mode == Mode.ISOLATED;
    }

    /** How the policy map shows it: {@code {tenantId}}, {@code none} or {@code off}. */
    @Override
    public String toString() {
        return mode == Mode.ISOLATED ? "{" + pathVariable + "}" : mode.name().toLowerCase(Locale.ROOT);
    }

    /** Whether an endpoint is isolated. */
    public enum Mode {
        /** Tenancy does not apply. */
        OFF,
        /** Opted out. */
        NONE,
        /** Requests naming a tenant admit that tenant's callers and cross-tenant roles only. */
        ISOLATED
    }
}
