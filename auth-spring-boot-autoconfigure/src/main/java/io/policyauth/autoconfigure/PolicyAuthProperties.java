package io.policyauth.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.policyauth.core.Enforcement;

/**
 * The core of policy-auth under {@code policy-auth.*}: the switch, the default policy, the mode,
 * named policies and route rules. Each mechanism has its own properties class beside its
 * auto-configuration ({@code policy-auth.jwt}, {@code api-key}, {@code internal}, {@code remote},
 * {@code audit}); a built-in policy is registered only when its backend is configured.
 */
@ConfigurationProperties(PolicyAuthProperties.PREFIX)
public class PolicyAuthProperties {

    /** The configuration prefix. */
    public static final String PREFIX = "policy-auth";

    /** The default of {@code policy-auth.body-read-timeout}. */
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Master switch. When false, nothing of policy-auth is configured and no endpoint is protected
     * by it.
     */
    private boolean enabled = true;

    /**
     * Policy of handlers that carry no @RequiresPolicy. Secure by default: "private" needs a valid
     * bearer token. The error endpoint stays reachable whatever this is.
     */
    private String defaultPolicy = "private";

    /**
     * Whether denials are enforced, or only recorded (metric outcome "would_deny", a log line)
     * while the request proceeds as the anonymous user. Named policies may set their own mode.
     */
    private Enforcement mode = Enforcement.ENFORCE;

    /** Named policies built from other policies, usable anywhere a built-in name is. */
    private Map<String, NamedPolicy> policies = new LinkedHashMap<>();

    /**
     * Policies for paths that cannot be annotated, matched in order (first match wins) with
     * Spring's PathPattern. An annotation on the handler takes precedence over a route; both over
     * the default policy.
     */
    private List<Route> routes = new ArrayList<>();

    /**
     * Longest wait for a client to send the request body a policy decides on (remote policies
     * with include-body, gateway bodies on WebFlux); past it the request gets 408.
     */
    private Duration bodyReadTimeout = DEFAULT_BODY_READ_TIMEOUT;

    private final Observations observations = new Observations();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getDefaultPolicy() {
        return defaultPolicy;
    }

    public void setDefaultPolicy(String defaultPolicy) {
        this.defaultPolicy = defaultPolicy;
    }

    public Enforcement getMode() {
        return mode;
    }

    public void setMode(Enforcement mode) {
        this.mode = mode;
    }

    public Map<String, NamedPolicy> getPolicies() {
        return policies;
    }

    public void setPolicies(Map<String, NamedPolicy> policies) {
        this.policies = policies;
    }

    public List<Route> getRoutes() {
        return routes;
    }

    public Duration getBodyReadTimeout() {
        return bodyReadTimeout;
    }

    public void setBodyReadTimeout(Duration bodyReadTimeout) {
        this.bodyReadTimeout = bodyReadTimeout;
    }

    public void setRoutes(List<Route> routes) {
        this.routes = routes;
    }

    public Observations getObservations() {
        return observations;
    }

    /** Whether each decision is also a Micrometer observation (a span in traces). */
    public static class Observations {

        /**
         * Observe each decision as "policyauth.decision". Unset: only when the application traces
         * (it has a Micrometer Tracing Tracer bean), since without tracing the observation only
         * repeats the policyauth.decision.duration timer, at a cost on every request.
         */
        private Boolean enabled;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** A policy defined in configuration from other policies. Set exactly one of any-of and all-of. */
    public static class NamedPolicy extends RequirementsProperties {

        /** Policies tried in order; the first that passes admits the request. */
        private List<String> anyOf = new ArrayList<>();

        /** Policies that must all pass; the caller is the first one that carries a subject. */
        private List<String> allOf = new ArrayList<>();

        /** Enforcement of this policy; when unset, policy-auth.mode. */
        private Enforcement mode;

        /**
         * A limit of policy-auth.rate-limits that callers this policy admits are counted against,
         * wherever it is an endpoint's policy; over it, 429.
         */
        private String rateLimit;

        /** What one request under this policy takes from the rate limit. */
        private long cost = 1;

        public String getRateLimit() {
            return rateLimit;
        }

        public void setRateLimit(String rateLimit) {
            this.rateLimit = rateLimit;
        }

        public long getCost() {
            return cost;
        }

        public void setCost(long cost) {
            this.cost = cost;
        }

        public List<String> getAnyOf() {
            return anyOf;
        }

        public void setAnyOf(List<String> anyOf) {
            this.anyOf = anyOf;
        }

        public List<String> getAllOf() {
            return allOf;
        }

        public void setAllOf(List<String> allOf) {
            this.allOf = allOf;
        }

        public Enforcement getMode() {
            return mode;
        }

        public void setMode(Enforcement mode) {
            this.mode = mode;
        }
    }

    /** A route rule: the policy of requests whose path (and method) match. */
    public static class Route extends RequirementsProperties {

        /** Path pattern in PathPattern syntax, e.g. /admin/** or /files/{name}. */
        private String pattern;

        /** HTTP methods the rule applies to; when empty, all. */
        private List<String> methods = new ArrayList<>();

        /** Policy name; several names mean any of them. */
        private List<String> policy = new ArrayList<>();

        /**
         * Under policy-auth.tenancy: the path variable of the pattern naming the tenant a request
         * targets, as {orgId}, or none to opt out of tenant isolation; empty for the configured
         * sources.
         */
        private String tenant = "";

        /**
         * Under policy-auth.resources: the resource the matched requests act on, checked once the
         * policy admitted the caller.
         */
        private ResourceRule resource;

        /** A limit of policy-auth.rate-limits that the matched requests are counted against; over it, 429. */
        private String rateLimit;

        /** What one matched request takes from the rate limit. */
        private long cost = 1;

        public String getPattern() {
            return pattern;
        }

        public void setPattern(String pattern) {
            this.pattern = pattern;
        }

        public List<String> getMethods() {
            return methods;
        }

        public void setMethods(List<String> methods) {
            this.methods = methods;
        }

        public List<String> getPolicy() {
            return policy;
        }

        public void setPolicy(List<String> policy) {
            this.policy = policy;
        }

        public String getTenant() {
            return tenant;
        }

        public void setTenant(String tenant) {
            this.tenant = tenant;
        }

        public ResourceRule getResource() {
            return resource;
        }

        public void setResource(ResourceRule resource) {
            this.resource = resource;
        }

        public String getRateLimit() {
            return rateLimit;
        }

        public void setRateLimit(String rateLimit) {
            this.rateLimit = rateLimit;
        }

        public long getCost() {
            return cost;
        }

        public void setCost(long cost) {
            this.cost = cost;
        }
    }

    /** The resource a route's requests act on. */
    public static class ResourceRule {

        /** The kind of resource, such as document; a ResourceAttributes bean loads it. */
        private String kind;

        /** The variable of the route's pattern holding the resource's id, as {documentId}. */
        private String id;

        /** The action checked; when empty, the one policy-auth.resources.actions maps the method to. */
        private String action = "";

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getAction() {
            return action;
        }

        public void setAction(String action) {
            this.action = action;
        }
    }
}
