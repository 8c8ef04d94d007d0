package io.policyauth.resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.policyauth.core.AuthenticatedUser;

/**
 * Keeps an engine's answers inside the caller's tenant, whatever its policies say: a resource whose
 * {@code tenant} attribute is another tenant's is refused without asking the engine, and every plan
 * also requires the caller's tenant, so that a list query never reaches another tenant's resources.
 * Callers holding a cross-tenant role are not restricted. Applied to every {@link ResourceAuthorizer}
 * bean when tenancy is on, the application's own engines included.
 */
public final class TenantScopedResourceAuthorizer implements ResourceAuthorizer, AutoCloseable {

    /** The resource attribute naming its tenant. */
    public static final String TENANT = "tenant";

    /** The policy a refusal names in audit when the resource is another tenant's. */
    public static final String ISOLATION_POLICY = "policy-auth:tenant-isolation";

    private final ResourceAuthorizer engine;
    private final Set<String> crossTenantRoles;

    /**
     * @param engine the engine asked about the caller's own tenant's resources
     * @param crossTenantRoles the roles whose holders act in any tenant
     */
    public TenantScopedResourceAuthorizer(ResourceAuthorizer engine, Set<String> crossTenantRoles) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.crossTenantRoles = Set.copyOf(crossTenantRoles);
    }

    /**
     * @return the engine this restricts
     */
    public ResourceAuthorizer engine() {
        return engine;
    }

    /* In the engine's place as a bean, it closes the engine in its place. */
    @Override
    public void close() throws Exception {
        if (engine instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public ResourceDecision check(AuthenticatedUser user, Resource resource, String action) {
        return inTenant(user, resource) ? engine.check(user, resource, action) : refused(resource, action);
    }

    @Override
    public List<ResourceDecision> checkAll(AuthenticatedUser user, List<Resource> resources,
            Collection<String> actions) {
        List<Resource> asked = resources.stream().filter(resource -> inTenant(user, resource)).toList();
        if (asked.size() == resources.size()) {
            return engine.checkAll(user, resources, actions);
        }
        List<ResourceDecision> answered = asked.isEmpty() ? List.of() : engine.checkAll(user, asked, actions);
        List<ResourceDecision> decisions = new ArrayList<>(resources.size() * actions.size());
        int next = 0;
        for (Resource resource : resources) {
            boolean ask = inTenant(user, resource);
            for (String action : actions) {
                decisions.add(ask ? answered.get(next++) : refused(resource, action));
            }
        }
        return decisions;
    }

    @Override
    public ResourceFilter plan(AuthenticatedUser user, String kind, String action) {
        ResourceFilter plan = engine.plan(user, kind, action);
        if (crossTenant(user) || plan.equals(ResourceFilter.ALWAYS_DENIED)) {
            return plan;
        }
        FilterExpression ownTenant = new FilterExpression.Operation("eq", List.of(
                new FilterExpression.Attribute(TENANT), new FilterExpression.Value(user.tenant())));
        return plan instanceof ResourceFilter.Conditional conditional
                ? new ResourceFilter.Conditional(new FilterExpression.Operation("and",
                        List.of(ownTenant, conditional.condition())))
                : new ResourceFilter.Conditional(ownTenant);
    }

    /* A resource that names no tenant is the engine's to judge. */
    private boolean inTenant(AuthenticatedUser user, Resource resource) {
        Object tenant = resource.attributes().get(TENANT);
        return tenant == null || tenant.equals(user.tenant()) || crossTenant(user);
    }

    private boolean crossTenant(AuthenticatedUser user) {
        return user.roles().stream().anyMatch(crossTenantRoles::contains);
    }

    private static ResourceDecision refused(Resource resource, String action) {
        return new ResourceDecision(resource, action, false, ISOLATION_POLICY);
    }
}
