package io.policyauth.autoconfigure.metadata;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The API's protected resource metadata (RFC 9728), for clients and agents that discover how to call it. */
@ConfigurationProperties(prefix = ResourceMetadataProperties.PREFIX)
public class ResourceMetadataProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "policy-auth.resource-metadata";

    /** Serve /.well-known/oauth-protected-resource and name it in every 401's Bearer challenge. */
    private boolean enabled;

    /**
     * The resource identifier: the API's URL as its clients call it (scheme, host, and the path the
     * application is reached under), which clients compare with the URL they used.
     */
    private @Nullable URI resource;

    /** A name of the API for people. */
    private @Nullable String resourceName;

    /** The authorization servers whose tokens the API takes; when empty, every configured issuer. */
    private List<URI> authorizationServers = new ArrayList<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable URI getResource() {
        return resource;
    }

    public void setResource(@Nullable URI resource) {
        this.resource = resource;
    }

    public @Nullable String getResourceName() {
        return resourceName;
    }

    public void setResourceName(@Nullable String resourceName) {
        this.resourceName = resourceName;
    }

    public List<URI> getAuthorizationServers() {
        return authorizationServers;
    }

    public void setAuthorizationServers(List<URI> authorizationServers) {
        this.authorizationServers = authorizationServers;
    }
}
