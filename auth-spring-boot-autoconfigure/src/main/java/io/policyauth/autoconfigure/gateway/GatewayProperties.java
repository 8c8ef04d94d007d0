package io.policyauth.autoconfigure.gateway;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import io.policyauth.autoconfigure.PolicyAuthProperties;

/**
 * Gateway mode: this application decides for requests to other services, asked by nginx, Envoy
 * or a KX Service Gateway.
 */
@ConfigurationProperties("policy-auth.gateway")
public class GatewayProperties {

    /** Serve the authorization endpoints. */
    private boolean enabled;

    /** Where the endpoints live: {path}/nginx, {path}/envoy/** and {path}/kx. */
    private String path = "/authz";

    /** Rules matched against the original method and path, first match wins (as policy-auth.routes). */
    private List<PolicyAuthProperties.Route> routes = new ArrayList<>();

    /** Policy of forwarded requests that no gateway route matches. */
    private String defaultPolicy = "private";

    /** Addresses (CIDRs) that may ask; anyone else gets 403 and nothing is decided. */
    private List<String> allowedCallers = new ArrayList<>(List.of("127.0.0.0/8", "::1/128"));

    /** Header in which nginx sends the original request method. */
    private String originalMethodHeader = "X-Original-Method";

    /** Header in which nginx sends the original request URI (path and query, as received). */
    private String originalUriHeader = "X-Original-URI";

    /**
     * Refuse (400) original paths that the gateway and its upstream could read differently: dot
     * segments, ';' parameters, encoded '/' or '\', '//', invalid encodings, control characters,
     * characters RFC 3986 does not allow raw in a path, segments ending in '.' or a space.
     */
    private boolean rejectAmbiguousPaths = true;

    /**
     * Match gateway route patterns regardless of case ('/OPS' as '/ops'): set it when the upstream
     * routes case-insensitively (Express, ASP.NET Core, IIS); by default matching is exact.
     */
    private boolean caseInsensitivePaths;

    private final Kx kx = new Kx();

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

    public List<PolicyAuthProperties.Route> getRoutes() {
        return routes;
    }

    public void setRoutes(List<PolicyAuthProperties.Route> routes) {
        this.routes = routes;
    }

    public String getDefaultPolicy() {
        return defaultPolicy;
    }

    public void setDefaultPolicy(String defaultPolicy) {
        this.defaultPolicy = defaultPolicy;
    }

    public List<String> getAllowedCallers() {
        return allowedCallers;
    }

    public void setAllowedCallers(List<String> allowedCallers) {
        this.allowedCallers = allowedCallers;
    }

    public String getOriginalMethodHeader() {
        return originalMethodHeader;
    }

    public void setOriginalMethodHeader(String originalMethodHeader) {
        this.originalMethodHeader = originalMethodHeader;
    }

    public String getOriginalUriHeader() {
        return originalUriHeader;
    }

    public void setOriginalUriHeader(String originalUriHeader) {
        this.originalUriHeader = originalUriHeader;
    }

    public boolean isRejectAmbiguousPaths() {
        return rejectAmbiguousPaths;
    }

    public void setRejectAmbiguousPaths(boolean rejectAmbiguousPaths) {
        this.rejectAmbiguousPaths = rejectAmbiguousPaths;
    }

    public boolean isCaseInsensitivePaths() {
        return caseInsensitivePaths;
    }

    public void setCaseInsensitivePaths(boolean caseInsensitivePaths) {
        this.caseInsensitivePaths = caseInsensitivePaths;
    }

    public Kx getKx() {
        return kx;
    }

    /** The KX Service Gateway endpoint. */
    public static class Kx {

        /**
         * Largest authorization request read; larger ones get 413. Also the largest body read
         * from Envoy's check requests (with_request_body).
         */
        private DataSize maxRequestSize = DataSize.ofKilobytes(64);

        public DataSize getMaxRequestSize() {
            return maxRequestSize;
        }

        public void setMaxRequestSize(DataSize maxRequestSize) {
            this.maxRequestSize = maxRequestSize;
        }
    }
}
