package io.policyauth.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.Enforcement;
import io.policyauth.core.Requirements;
import io.policyauth.core.TenantBinding;

/**
 * The API's OAuth 2.0 protected resource metadata (RFC 9728), answered before any handler at
 * {@code /.well-known/oauth-protected-resource} followed by the resource identifier's path: the
 * resource, the authorization servers whose tokens it takes, every scope an endpoint or named policy
 * requires (read from the policy map), and how tokens are sent. Open to anyone, as discovery is.
 */
public final class ProtectedResourceMetadataEndpoints implements DirectEndpoints {

    /** Where the metadata is, before the resource identifier's path. */
    public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    private final String path;
    private final Map<String, Object> fixed;
    private final PolicyMap policyMap;
    private final JsonMapper json = JsonMapper.builder().build();
    /* Built on the first request, once every handler is mapped; the policy map does not change after. */
    private volatile byte @Nullable [] document;

    /**
     * @param resource the resource identifier: the API's URL as its clients call it
     * @param resourceName a name for people, or {@code null}
     * @param authorizationServers the issuers of the tokens the API takes
     * @param policyMap the endpoints and their policies, for the scopes they require
     * @param certificateBoundTokens whether tokens bound to a client certificate (RFC 8705) are checked
     */
    public ProtectedResourceMetadataEndpoints(URI resource, @Nullable String resourceName,
            List<URI> authorizationServers, PolicyMap policyMap, boolean certificateBoundTokens) {
        this(resource, resourceName, authorizationServers, policyMap, certificateBoundTokens, List.of(), false);
    }

    /**
     * @param resource the resource identifier: the API's URL as its clients call it
     * @param resourceName a name for people, or {@code null}
     * @param authorizationServers the issuers of the tokens the API takes
     * @param policyMap the endpoints and their policies, for the scopes they require
     * @param certificateBoundTokens whether tokens bound to a client certificate (RFC 8705) are checked
     * @param dpopAlgorithms the algorithms DPoP proofs (RFC 9449) may be signed with; empty without DPoP
     * @param dpopRequired whether every token must be DPoP-bound
     */
    public ProtectedResourceMetadataEndpoints(URI resource, @Nullable String resourceName,
            List<URI> authorizationServers, PolicyMap policyMap, boolean certificateBoundTokens,
            List<String> dpopAlgorithms, boolean dpopRequired) {
        Objects.requireNonNull(resource, "resource");
        this.path = WELL_KNOWN + resourcePath(resource);
        this.policyMap = policyMap;
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("resource", resource.toString());
        document.put("authorization_servers", authorizationServers.stream().map(URI::toString).toList());
        document.put("bearer_methods_supported", List.of("header"));
        if (certificateBoundTokens) {
            document.put("tls_client_certificate_bound_access_tokens", true);
        }
        if (resourceName != null && !resourceName.isBlank()) {
            document.put("resource_name", resourceName);
        }
        if (!dpopAlgorithms.isEmpty()) {
            document.put("dpop_signing_alg_values_supported", List.copyOf(dpopAlgorithms));
            document.put("dpop_bound_access_tokens_required", dpopRequired);
        }
        this.fixed = Map.copyOf(document);
    }

    /**
     * @param resource a resource identifier
     * @return the URL of its metadata: the well-known path between its host and its path (RFC 9728 3.1)
     */
    public static URI metadataUrl(URI resource) {
        return URI.create(resource.getScheme() + "://" + resource.getRawAuthority() + WELL_KNOWN
                + resourcePath(resource));
    }

    private static String resourcePath(URI resource) {
        String rawPath = resource.getRawPath();
        return rawPath == null || rawPath.isEmpty() || rawPath.equals("/") ? "" : rawPath;
    }

    @Override
    public @Nullable String endpoint(String rawPath) {
        return rawPath.equals(path) ? "" : null;
    }

    @Override
    public boolean readsBody(String endpoint, String method) {
        return false;
    }

    @Override
    public int maxBodyBytes() {
        return 0;
    }

    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public PolicyResponse answer(EndpointRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return PolicyResponse.problem(405, "method-not-allowed", "Method not allowed",
                    "The protected resource metadata is read with GET.", null).withHeader("Allow", "GET, HEAD");
        }
        byte[] built = document;
        if (built == null) {
            Map<String, Object> complete = new LinkedHashMap<>(fixed);
            complete.put("scopes_supported", List.copyOf(requiredScopes()));
            built = json.writeValueAsBytes(orderedAsTheRfc(complete));
            document = built;
        }
        return PolicyResponse.json(200, List.of(), built);
    }

    /* Every scope an endpoint requires, its own and its policies' (named policies, composites). */
    private Set<String> requiredScopes() {
        Set<String> scopes = new TreeSet<>();
        for (MappedPolicy entry : policyMap.entries()) {
            scopes.addAll(entry.requirements().scopes());
            for (String name : entry.policy()) {
                policyMap.policies().resolve(name).map(AuthExecutor::describe)
                        .ifPresent(description -> scopes.addAll(description.requirements().scopes()));
            }
        }
        return scopes;
    }

    private static Map<String, Object> orderedAsTheRfc(Map<String, Object> fields) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String name : List.of("resource", "authorization_servers", "scopes_supported",
                "bearer_methods_supported", "resource_name", "tls_client_certificate_bound_access_tokens",
                "dpop_signing_alg_values_supported", "dpop_bound_access_tokens_required")) {
            if (fields.containsKey(name)) {
                ordered.put(name, fields.get(name));
            }
        }
        return ordered;
    }

    @Override
    public List<MappedPolicy> mappedPolicies() {
        return List.of(new MappedPolicy(path, "GET", "protected resource metadata (RFC 9728)", List.of(),
                Requirements.NONE, PolicySource.EXEMPT, Enforcement.ENFORCE, false, false, TenantBinding.OFF));
    }
}
