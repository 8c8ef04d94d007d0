package io.policyauth.autoconfigure.resource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Resource-level authorization: the policy engine that decides who may do what on which resource. */
@ConfigurationProperties(prefix = ResourcesProperties.PREFIX)
public class ResourcesProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "policy-auth.resources";

    /** The policy engine: cerbos. When unset, no ResourceAuthorizer is configured. */
    private @Nullable Engine engine;

    /** Claims of the caller's credential sent to the engine as principal attributes, under their names. */
    private List<String> principalAttributes = new ArrayList<>();

    /** Roles every caller is sent with beside its own, so that none is sent without (Cerbos refuses). */
    private List<String> implicitRoles = new ArrayList<>(List.of("user"));

    /** The Cerbos server. */
    private Cerbos cerbos = new Cerbos();

    /** The status of a refused resource check: 403, or 404 to answer it as an unknown resource. */
    private int denyStatus = 403;

    /** The action of each HTTP method, for @RequiresResource without an action. */
    private Map<String, String> actions = new LinkedHashMap<>(Map.of("GET", "read", "HEAD", "read", "POST", "create",
            "PUT", "update", "PATCH", "update", "DELETE", "delete"));

    /** Per kind of resource, how its attributes map to document fields (for list queries on MongoDB). */
    private Map<String, Kind> kinds = new LinkedHashMap<>();

    public @Nullable Engine getEngine() {
        return engine;
    }

    public void setEngine(@Nullable Engine engine) {
        this.engine = engine;
    }

    public List<String> getPrincipalAttributes() {
        return principalAttributes;
    }

    public void setPrincipalAttributes(List<String> principalAttributes) {
        this.principalAttributes = principalAttributes;
    }

    public List<String> getImplicitRoles() {
        return implicitRoles;
    }

    public void setImplicitRoles(List<String> implicitRoles) {
        this.implicitRoles = implicitRoles;
    }

    public Cerbos getCerbos() {
        return cerbos;
    }

    public void setCerbos(Cerbos cerbos) {
        this.cerbos = cerbos;
    }

    public int getDenyStatus() {
        return denyStatus;
    }

    public void setDenyStatus(int denyStatus) {
        this.denyStatus = denyStatus;
    }

    public Map<String, String> getActions() {
        return actions;
    }

    public void setActions(Map<String, String> actions) {
        this.actions = actions;
    }

    public Map<String, Kind> getKinds() {
        return kinds;
    }

    public void setKinds(Map<String, Kind> kinds) {
        this.kinds = kinds;
    }

    /** A kind of resource. */
    public static class Kind {

        /** Each attribute, as policies name it, to the field of the stored document (owner: ownerId). */
        private Map<String, String> fields = new LinkedHashMap<>();

        public Map<String, String> getFields() {
            return fields;
        }

        public void setFields(Map<String, String> fields) {
            this.fields = fields;
        }
    }

    /** The policy engines policy-auth talks to. */
    public enum Engine {
        /** Cerbos, over its HTTP API. */
        CERBOS
    }

    /** Where Cerbos is and how long to wait for it. */
    public static class Cerbos {

        /** The Cerbos server's HTTP address. */
        private URI url = URI.create("http://127.0.0.1:3592");

        /** Longest wait for a connection. */
        private Duration connectTimeout = Duration.ofMillis(250);

        /** Longest wait for an answer; past it the request is a 503. */
        private Duration readTimeout = Duration.ofSeconds(1);

        /** Most requests waiting on Cerbos at once; more are refused at once with 503. */
        private int maxConcurrentRequests = 64;

        /** Whether the caller's tenant is the Cerbos scope of the principal and the resource. */
        private boolean scopeFromTenant = true;

        public URI getUrl() {
            return url;
        }

        public void setUrl(URI url) {
            this.url = url;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public int getMaxConcurrentRequests() {
            return maxConcurrentRequests;
        }

        public void setMaxConcurrentRequests(int maxConcurrentRequests) {
            this.maxConcurrentRequests = maxConcurrentRequests;
        }

        public boolean isScopeFromTenant() {
            return scopeFromTenant;
        }

        public void setScopeFromTenant(boolean scopeFromTenant) {
            this.scopeFromTenant = scopeFromTenant;
        }
    }
}
