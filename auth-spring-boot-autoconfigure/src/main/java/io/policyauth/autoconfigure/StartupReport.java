package io.policyauth.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.policyauth.autoconfigure.gateway.GatewayProperties;
import io.policyauth.autoconfigure.ratelimit.RateLimitStoreProperties;
import io.policyauth.autoconfigure.resource.ResourcesProperties;
import io.policyauth.autoconfigure.tenant.TenancyProperties;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthService;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.TenantBinding;
import io.policyauth.web.MappedPolicy;
import io.policyauth.web.PolicyMap;
import io.policyauth.web.PolicySource;

/**
 * Says once, at start, on the logger {@value #LOGGER} at INFO, what policy-auth enforces: each
 * registered policy with what it checks and how many endpoints it decides, the endpoints opened
 * to anyone on purpose, the exempt endpoints, and the gateway endpoints. One WARN names, together,
 * the endpoints open to anyone that nobody asked to open: those the default policy or a composite
 * opens. {@code HEAD} is folded into {@code GET}. The full map stays at DEBUG and in
 * {@code /actuator/policyauth}.
 */
public final class StartupReport implements SmartInitializingSingleton {

    /** The logger of the report. */
    public static final String LOGGER = "io.policyauth.startup";

    private static final Logger logger = LoggerFactory.getLogger(LOGGER);

    private final AuthService authService;
    private final PolicyMap policyMap;
    private final PolicySummaries summaries;
    private final @Nullable String gateway;
    private final @Nullable String tenancy;
    private final String resources;
    private final @Nullable String rateLimits;

    /**
     * @param authService the registered policies
     * @param policyMap the application's endpoints and their policies
     * @param environment the configuration the policies and gateway mode come from
     * @return the report, made once the context is ready
     */
    public static StartupReport of(AuthService authService, PolicyMap policyMap, Environment environment) {
        Binder binder = Binder.get(environment);
        String gateway = null;
        if (binder.bind("policy-auth.gateway.enabled", Boolean.class).orElse(false)) {
            GatewayProperties properties = binder.bind("policy-auth.gateway", GatewayProperties.class)
                    .orElseGet(GatewayProperties::new);
            gateway = "for callers in " + properties.getAllowedCallers() + "; " + properties.getRoutes().size()
                    + " route(s), default policy " + properties.getDefaultPolicy();
        }
        String tenancy = null;
        if (binder.bind(TenancyProperties.PREFIX + ".enabled", Boolean.class).orElse(false)) {
            TenancyProperties properties = binder.bind(TenancyProperties.PREFIX, TenancyProperties.class)
                    .orElseGet(TenancyProperties::new);
            tenancy = "tenant named by {" + properties.getPathVariable() + "}"
                    + (properties.getHeader() == null ? "" : ", header " + properties.getHeader())
                    + (properties.getSubdomainOf() == null ? "" : ", subdomains of " + properties.getSubdomainOf())
                    + "; cross-tenant roles " + properties.getCrossTenantRoles() + "; store "
                    + properties.getStore().name().toLowerCase(Locale.ROOT)
                    + (properties.getAdminApi().isEnabled() ? "; admin API at " + properties.getAdminApi().getPath()
                            + " under " + properties.getAdminApi().getPolicy() : "");
        }
        return new StartupReport(authService, policyMap, new PolicySummaries(environment), gateway, tenancy,
                resources(binder), rateLimits(binder));
    }

    /* The limits by name and where they are counted; null when none is configured. */
    private static @Nullable String rateLimits(Binder binder) {
        Set<String> names = new TreeSet<>(binder.bind(RateLimitStoreProperties.PREFIX,
                Bindable.mapOf(String.class, Object.class)).orElseGet(Map::of).keySet());
        names.removeAll(RateLimitStoreProperties.SETTINGS);
        if (names.isEmpty()) {
            return null;
        }
        RateLimitStoreProperties store = binder.bind(RateLimitStoreProperties.PREFIX, RateLimitStoreProperties.class)
                .orElseGet(RateLimitStoreProperties::new);
        return names + " counted " + (store.getStore() == RateLimitStoreProperties.Store.MEMORY
                ? "in memory (this instance)" : "in Redis (local-batch " + store.getLocalBatch() + "; Redis not "
                        + "answering: " + store.getOnStoreFailure().name().toLowerCase(Locale.ROOT) + ")");
    }

    /* Nothing is asked of the engine at start: the report says where it is, not whether it answers. */
    private static String resources(Binder binder) {
        ResourcesProperties properties = binder.bind(ResourcesProperties.PREFIX, ResourcesProperties.class)
                .orElseGet(ResourcesProperties::new);
        String engine = properties.getEngine() == null ? "the application's ResourceAuthorizer"
                : properties.getEngine().name().toLowerCase(Locale.ROOT) + " at " + properties.getCerbos().getUrl();
        return "engine " + engine + ", deny-status " + properties.getDenyStatus();
    }

    private StartupReport(AuthService authService, PolicyMap policyMap, PolicySummaries summaries,
            @Nullable String gateway, @Nullable String tenancy, String resources, @Nullable String rateLimits) {
        this.rateLimits = rateLimits;
        this.authService = authService;
        this.policyMap = policyMap;
        this.summaries = summaries;
        this.gateway = gateway;
        this.tenancy = tenancy;
        this.resources = resources;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<MappedPolicy> endpoints = withoutHeadBesideGet(policyMap.entries());
        Map<String, Integer> counts = new TreeMap<>();
        List<String> openOnPurpose = new ArrayList<>();
        List<String> openByAccident = new ArrayList<>();
        Set<String> exempt = new LinkedHashSet<>();
        List<String> gatewayEndpoints = new ArrayList<>();
        List<String> signedEndpoints = new ArrayList<>();
        TenantCounts tenants = new TenantCounts(new ArrayList<>(), new ArrayList<>());
        Map<String, Set<String>> checkedKinds = new TreeMap<>();
        for (MappedPolicy endpoint : endpoints) {
            String name = endpoint.method() + " " + endpoint.pattern();
            if (endpoint.source() == PolicySource.GATEWAY) {
                gatewayEndpoints.add(name);
                continue;
            }
            if (endpoint.source() == PolicySource.TENANT_ADMIN_API) {
                continue;
            }
            if (endpoint.source() == PolicySource.SECRET_SCANNING) {
                signedEndpoints.add(name);
                continue;
            }
            if (endpoint.tenant().isIsolated()) {
                tenants.isolated().add(name);
            }
            else if (endpoint.tenant().mode() == TenantBinding.Mode.NONE) {
                tenants.optedOut().add(name);
            }
            if (endpoint.source() == PolicySource.EXEMPT) {
                exempt.add(name);
                continue;
            }
            if (endpoint.resource() != null) {
                checkedKinds.computeIfAbsent(endpoint.resource().kind(), kind -> new LinkedHashSet<>()).add(name);
            }
            counts.merge(String.join("|", endpoint.policy()), 1, Integer::sum);
            if (endpoint.open()) {
                (namesPublic(endpoint) ? openOnPurpose : openByAccident).add(name + " (" + String.join("|",
                        endpoint.policy()) + ", from " + endpoint.source().name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        if (logger.isInfoEnabled()) {
            logger.info(report(counts.values().stream().mapToInt(Integer::intValue).sum(), counts, openOnPurpose,
                    exempt, gatewayEndpoints, signedEndpoints, tenants, checkedKinds));
        }
        if (!openByAccident.isEmpty()) {
            logger.warn("policy-auth: these endpoints are open to anyone, and no annotation or route names a policy "
                    + "that admits anyone for them: {}. Annotate them with @RequiresPolicy(\"public\") if that is "
                    + "meant, or give them a policy that asks for a credential.", openByAccident);
        }
    }

    private String report(int decided, Map<String, Integer> counts, List<String> openOnPurpose, Set<String> exempt,
            List<String> gatewayEndpoints, List<String> signedEndpoints, TenantCounts tenants,
            Map<String, Set<String>> checkedKinds) {
        StringBuilder report = new StringBuilder("policy-auth decides ").append(decided).append(" endpoint(s):");
        Set<String> registered = new LinkedHashSet<>(authService.registry().policies());
        for (String policy : registered) {
            AuthExecutor executor = authService.registry().get(policy);
            report.append("\n  policy ").append(summaries.summary(executor)).append(" -> ")
                    .append(counts.getOrDefault(policy, 0)).append(" endpoint(s)");
        }
        counts.forEach((policies, count) -> {
            if (!registered.contains(policies)) {
                report.append("\n  any of ").append(policies).append(" -> ").append(count).append(" endpoint(s)");
            }
        });
        report.append("\n  open to anyone on purpose: ").append(openOnPurpose.isEmpty() ? "none" : openOnPurpose);
        report.append("\n  exempt from every check: ").append(exempt.isEmpty() ? "none" : exempt);
        if (!signedEndpoints.isEmpty()) {
            report.append("\n  secret scanning reports, checked by the scanner's signature: ").append(signedEndpoints);
        }
        if (gateway != null) {
            report.append("\n  gateway: ").append(gatewayEndpoints).append(' ').append(gateway);
        }
        if (tenancy != null) {
            report.append("\n  tenancy: ").append(tenants.isolated().size())
                    .append(" endpoint(s) isolated, opted out: ")
                    .append(tenants.optedOut().isEmpty() ? "none" : tenants.optedOut()).append("; ").append(tenancy);
        }
        if (rateLimits != null) {
            report.append("\n  rate limits: ").append(rateLimits);
        }
        if (!checkedKinds.isEmpty()) {
            report.append("\n  resource checks: ");
            checkedKinds.forEach((kind, checked) -> report.append(kind).append(' ').append(checked.size())
                    .append(" endpoint(s), "));
            report.append(resources);
        }
        return report.toString();
    }

    private record TenantCounts(List<String> isolated, List<String> optedOut) {
    }

    /* An annotation or route that names public itself; a composite that happens to admit anyone does not count. */
    private boolean namesPublic(MappedPolicy endpoint) {
        return endpoint.source() != PolicySource.DEFAULT && endpoint.requirements().isEmpty()
                && endpoint.policy().stream().anyMatch(name -> authService.registry().find(name)
                        .map(executor -> executor.describe().kind().equals(PolicyDescription.PUBLIC)).orElse(false));
    }

    /* Spring serves HEAD with GET handlers: one line for both. */
    private static List<MappedPolicy> withoutHeadBesideGet(List<MappedPolicy> entries) {
        Map<String, MappedPolicy> kept = new LinkedHashMap<>();
        for (MappedPolicy entry : entries) {
            kept.putIfAbsent(entry.method() + " " + entry.pattern() + " " + entry.handler(), entry);
        }
        kept.values().removeIf(entry -> entry.method().equals("HEAD")
                && kept.containsKey("GET " + entry.pattern() + " " + entry.handler()));
        return new ArrayList<>(kept.values());
    }
}
