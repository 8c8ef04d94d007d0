package io.policyauth.core;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Tenant isolation: where a request names the tenant it targets (a path variable, a header, a
 * subdomain), and who may act in it (callers of that tenant, and callers holding a cross-tenant
 * role). Compared exactly: no trimming, no case folding.
 */
public final class TenantIsolation {

    /** The reason of a refusal for sources naming different tenants. */
    public static final String CONFLICTING_TENANT = "conflicting_tenant";

    /** The reason recorded for a grant to a caller of another tenant through a cross-tenant role. */
    public static final String CROSS_TENANT = "cross_tenant";

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String pathVariable;
    private final @Nullable String header;
    private final @Nullable String subdomainSuffix;
    private final Set<String> crossTenantRoles;

    /**
     * @param pathVariable the path variable naming the tenant, unless an endpoint names another
     * @param header a header naming the tenant, or {@code null}
     * @param subdomainOf a host under whose subdomains tenants live ({@code acme.api.example.com}
     *        targets {@code acme} when this is {@code api.example.com}), or {@code null}
     * @param crossTenantRoles roles whose holders may act in any tenant
     */
    public TenantIsolation(String pathVariable, @Nullable String header, @Nullable String subdomainOf,
            Set<String> crossTenantRoles) {
        if (pathVariable == null || !VARIABLE.matcher("{" + pathVariable + "}").matches()) {
            throw new IllegalArgumentException("The tenant path variable must be a variable name, got '"
                    + pathVariable + "'");
        }
        this.pathVariable = pathVariable;
        this.header = header == null || header.isBlank() ? null : header;
        this.subdomainSuffix = subdomainOf == null || subdomainOf.isBlank() ? null
                : "." + subdomainOf.toLowerCase(Locale.ROOT);
        this.crossTenantRoles = Set.copyOf(Objects.requireNonNull(crossTenantRoles, "crossTenantRoles"));
    }

    /**
     * The binding of an endpoint that declares {@code tenant}: empty for the configured sources,
     * {@value TenantBinding#OPT_OUT} to opt out, {@code {name}} for another path variable.
     *
     * @param declared what the endpoint declares
     * @return its binding
     * @throws IllegalArgumentException for anything else
     */
    public TenantBinding binding(String declared) {
        if (declared == null || declared.isEmpty()) {
            return TenantBinding.isolated(pathVariable);
        }
        if (TenantBinding.OPT_OUT.equals(declared)) {
            return TenantBinding.NONE;
        }
        var variable = VARIABLE.matcher(declared);
        if (!variable.matches()) {
            throw new IllegalArgumentException("tenant '" + declared + "' is invalid: name a path variable as {name}, "
                    + "or say '" + TenantBinding.OPT_OUT + "' to opt out of tenant isolation");
        }
        return TenantBinding.isolated(variable.group(1));
    }

    /**
     * The tenant a request names, by every configured source.
     *
     * @param context the request
     * @param binding its endpoint's binding
     * @return the tenant, or {@code null} when the endpoint is not isolated or no source names one
     * @throws InvalidCredentialRequestException {@value #CONFLICTING_TENANT} (400) when sources name
     *         different tenants, or one source names several
     */
    public @Nullable String targetOf(SecurityRequestContext context, TenantBinding binding) {
        if (!binding.isIsolated()) {
            return null;
        }
        String target = context.pathVariables().get(binding.pathVariable());
        if (header != null) {
            List<String> named = context.headers().values(header);
            for (String tenant : named) {
                target = agreeing(target, tenant);
            }
        }
        if (subdomainSuffix != null) {
            String subdomain = subdomain(context.requestUrl().uri());
            if (subdomain != null) {
                target = agreeing(target, subdomain);
            }
        }
        return target;
    }

    /**
     * Admits a caller to the tenant a request names.
     *
     * @param user the authenticated caller
     * @param target the tenant the request names
     * @return {@code true} when the caller is of another tenant and acts through a cross-tenant role
     * @throws TenantMismatchException when the caller has no tenant or another one, and no such role
     */
    public boolean admit(AuthenticatedUser user, String target) {
        if (target.equals(user.tenant())) {
            return false;
        }
        for (String role : user.roles()) {
            if (crossTenantRoles.contains(role)) {
                return true;
            }
        }
        throw new TenantMismatchException();
    }

    /**
     * @return the roles whose holders may act in any tenant
     */
    public Set<String> crossTenantRoles() {
        return crossTenantRoles;
    }

    private static String agreeing(@Nullable String named, String another) {
        if (named != null && !named.equals(another)) {
            throw new InvalidCredentialRequestException(CONFLICTING_TENANT,
                    "The request names more than one tenant.", null);
        }
        return another;
    }

    /* The one label before the suffix; a deeper name names no single tenant and is refused. */
    private @Nullable String subdomain(@Nullable URI url) {
        String host = url == null ? null : url.getHost();
        if (host == null || host.length() <= subdomainSuffix.length()
                || !host.regionMatches(true, host.length() - subdomainSuffix.length(), subdomainSuffix, 0,
                        subdomainSuffix.length())) {
            return null;
        }
        String label = host.substring(0, host.length() - subdomainSuffix.length());
        if (label.indexOf('.') >= 0) {
            throw new InvalidCredentialRequestException(CONFLICTING_TENANT,
                    "The request's host names no single tenant.", null);
        }
        return label;
    }
}
