package io.policyauth.resource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.DelegatingExecutor;
import io.policyauth.core.Denial;
import io.policyauth.core.DenialKind;
import io.policyauth.core.ForbiddenException;
import io.policyauth.core.ResourceGuard;
import io.policyauth.core.ResourceRule;
import io.policyauth.core.SecurityRequestContext;

/**
 * The declarative resource checks: after an endpoint's policy admitted the caller, the resource the
 * request names (its id from a path variable, its attributes from the application's
 * {@link ResourceAttributes}) is checked by the {@link ResourceAuthorizer} for the action (the
 * endpoint's, or its method's). An unknown resource is 404; a refusal is 403 with reason
 * {@value #DENIED}, or, with {@code deny-status} 404, the very answer an unknown resource gets. With
 * tenancy, a resource of another tenant than the caller's is refused before the engine is asked
 * (cross-tenant roles aside). Service code uses {@link #require}.
 */
public final class ResourceChecks implements ResourceGuard {

    /** The reason of a refusal, in audit and metrics. */
    public static final String DENIED = "resource_denied";

    /** The reason of an unknown resource. */
    public static final String NOT_FOUND = "resource_not_found";

    private static final String TENANT = "tenant";

    private final ResourceAuthorizer authorizer;
    private final Map<String, ResourceAttributes> attributes;
    private final Map<String, String> actions;
    private final boolean hideDenials;
    private final @Nullable List<String> crossTenantRoles;

    /**
     * @param authorizer the engine
     * @param attributes the application's attributes of each kind
     * @param actions each HTTP method's action ({@code GET} to {@code read})
     * @param denyStatus 403, or 404 to answer a refusal as an unknown resource
     * @param crossTenantRoles under tenancy, the roles that act in any tenant; {@code null} when tenancy is off
     */
    public ResourceChecks(ResourceAuthorizer authorizer, List<ResourceAttributes> attributes,
            Map<String, String> actions, int denyStatus, @Nullable List<String> crossTenantRoles) {
        if (denyStatus != 403 && denyStatus != 404) {
            throw new IllegalArgumentException("deny-status must be 403 or 404, got " + denyStatus);
        }
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.attributes = attributes.stream().collect(Collectors.toUnmodifiableMap(
                ResourceAttributes::kind, kind -> kind));
        this.actions = Map.copyOf(actions);
        this.hideDenials = denyStatus == 404;
        this.crossTenantRoles = crossTenantRoles == null ? null : List.copyOf(crossTenantRoles);
    }

    @Override
    public AuthExecutor guarded(AuthExecutor policy, ResourceRule rule) {
        if (!attributes.containsKey(rule.kind())) {
            throw new IllegalArgumentException("No ResourceAttributes bean loads kind '" + rule.kind() + "'");
        }
        return new Checked(policy, rule);
    }

    /**
     * Checks a caller's action on a resource, as the declarative checks do.
     *
     * @param user the caller
     * @param resource the resource
     * @param action the action
     * @throws AuthException the same refusal the web layer answers (403, or 404 with deny-status 404);
     *         {@link io.policyauth.core.AuthUnavailableException} when the engine cannot answer
     */
    public void require(AuthenticatedUser user, Resource resource, String action) {
        if (crossTenantRoles != null && !sameTenant(user, resource)) {
            throw denied();
        }
        if (!authorizer.check(user, resource, action).allowed()) {
            throw denied();
        }
    }

    private boolean sameTenant(AuthenticatedUser user, Resource resource) {
        Object tenant = resource.attributes().get(TENANT);
        return tenant == null || tenant.equals(user.tenant())
                || user.roles().stream().anyMatch(crossTenantRoles::contains);
    }

    private AuthException denied() {
        return hideDenials ? notFound(DENIED)
                : new ForbiddenException(DENIED, "The caller may not do this to this resource.", List.of());
    }

    private static AuthException notFound(String reason) {
        return new AuthException(new Denial(DenialKind.NOT_FOUND, reason, "No such resource.", List.of(), null),
                null);
    }

    /** An endpoint's policy, then its resource check. */
    private final class Checked extends DelegatingExecutor {

        private final ResourceRule rule;

        Checked(AuthExecutor policy, ResourceRule rule) {
            super(policy);
            this.rule = rule;
        }

        /* Attributes and the engine are I/O. */
        @Override
        public boolean mayBlock() {
            return true;
        }

        @Override
        public boolean mayBlock(SecurityRequestContext context) {
            return true;
        }

        @Override
        public AuthenticatedUser execute(SecurityRequestContext context) {
            AuthenticatedUser user = delegate.execute(context);
            String id = context.pathVariables().get(rule.idVariable());
            Map<String, Object> found = id == null ? null : attributes.get(rule.kind()).load(id).orElse(null);
            if (found == null) {
                throw notFound(NOT_FOUND).refusing(user);
            }
            String action = rule.action() != null ? rule.action() : actions.get(context.method());
            if (action == null) {
                throw denied().refusing(user);
            }
            try {
                require(user, new Resource(rule.kind(), id, found), action);
            }
            catch (AuthException refused) {
                throw refused.refusing(user);
            }
            return user;
        }
    }
}
