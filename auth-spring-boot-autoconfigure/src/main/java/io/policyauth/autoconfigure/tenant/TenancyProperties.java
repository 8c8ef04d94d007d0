package io.policyauth.autoconfigure.tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tenancy: isolation of tenants, platform roles, tenant-defined roles and their admin API. */
@ConfigurationProperties(prefix = TenancyProperties.PREFIX)
public class TenancyProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "policy-auth.tenancy";

    /** Whether tenancy applies; when off, nothing below does. */
    private boolean enabled;

    /** The path variable naming the tenant a request targets (an endpoint may name another). */
    private String pathVariable = "tenantId";

    /** A header naming the tenant a request targets, such as X-Tenant-Id; none when empty. */
    private @Nullable String header;

    /** A host whose subdomains name tenants: with api.example.com, acme.api.example.com targets acme. */
    private @Nullable String subdomainOf;

    /** Roles whose holders may act in any tenant; every such grant is audited as cross_tenant. */
    private List<String> crossTenantRoles = new ArrayList<>();

    /** Platform roles and the permissions each grants: the same in every tenant, read-only to tenants. */
    private Map<String, List<String>> roles = new LinkedHashMap<>();

    /** Where tenant-defined roles and memberships are kept. */
    private Store store = Store.MEMORY;

    /** How soon every instance sees a tenant's change (mongo store). */
    private Duration refreshInterval = Duration.ofSeconds(1);

    /** How long an instance may serve tenant roles it could not refresh; past it, it reads the store or answers 503. */
    private Duration maxStaleness = Duration.ofSeconds(30);

    /** Most roles one tenant may define. */
    private int maxRolesPerTenant = 256;

    /** Most permissions one role may grant. */
    private int maxPermissionsPerRole = 256;

    /** The self-service admin API. */
    private AdminApi adminApi = new AdminApi();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPathVariable() {
        return pathVariable;
    }

    public void setPathVariable(String pathVariable) {
        this.pathVariable = pathVariable;
    }

    public @Nullable String getHeader() {
        return header;
    }

    public void setHeader(@Nullable String header) {
        this.header = header;
    }

    public @Nullable String getSubdomainOf() {
        return subdomainOf;
    }

    public void setSubdomainOf(@Nullable String subdomainOf) {
        this.subdomainOf = subdomainOf;
    }

    public List<String> getCrossTenantRoles() {
        return crossTenantRoles;
    }

    public void setCrossTenantRoles(List<String> crossTenantRoles) {
        this.crossTenantRoles = crossTenantRoles;
    }

    public Map<String, List<String>> getRoles() {
        return roles;
    }

    public void setRoles(Map<String, List<String>> roles) {
        this.roles = roles;
    }

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    public Duration getMaxStaleness() {
        return maxStaleness;
    }

    public void setMaxStaleness(Duration maxStaleness) {
        this.maxStaleness = maxStaleness;
    }

    public int getMaxRolesPerTenant() {
        return maxRolesPerTenant;
    }

    public void setMaxRolesPerTenant(int maxRolesPerTenant) {
        this.maxRolesPerTenant = maxRolesPerTenant;
    }

    public int getMaxPermissionsPerRole() {
        return maxPermissionsPerRole;
    }

    public void setMaxPermissionsPerRole(int maxPermissionsPerRole) {
        this.maxPermissionsPerRole = maxPermissionsPerRole;
    }

    public AdminApi getAdminApi() {
        return adminApi;
    }

    public void setAdminApi(AdminApi adminApi) {
        this.adminApi = adminApi;
    }

    /** Where tenant-defined roles are kept. */
    public enum Store {
        /** In this instance's memory: one instance, lost on restart. */
        MEMORY,
        /** In MongoDB (collections tenant_roles and tenant_members), shared by every instance. */
        MONGO
    }

    /** The self-service admin API: tenants' administrators manage their roles and members. */
    public static class AdminApi {

        /** Whether the admin API is served. */
        private boolean enabled;

        /** Where it is served. */
        private String path = "/tenant-admin";

        /** The policy a caller must pass to call it at all (besides isolation and tenant:admin). */
        private String policy = "private";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public String getPolicy() {
            return policy;
        }

        public void setPolicy(String policy) {
            this.policy = policy;
        }
    }
}
