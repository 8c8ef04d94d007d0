package io.policyauth.jwt;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

/**
 * Finds an issuer's JWK Set from its metadata, as Spring Security's {@code JwtDecoders} does:
 * OpenID Connect Discovery ({@code {issuer}/.well-known/openid-configuration}) first, then RFC
 * 8414 ({@code /.well-known/oauth-authorization-server} inserted before the issuer's path). The
 * metadata's {@code issuer} must equal the configured issuer exactly (OpenID Connect Discovery
 * section 4.3, RFC 8414 section 3.3), or the keys it names are not used.
 */
public final class IssuerMetadata {

    private IssuerMetadata() {
    }

    /**
     * @param issuer the issuer URI as configured
     * @param retriever fetches the documents, bounded in time and size
     * @return the {@code jwks_uri} of the issuer
     * @throws IOException when no metadata document can be fetched
     * @throws IllegalStateException when the metadata names another issuer or no JWK Set
     */
    static URL jwkSetUrl(URI issuer, ResourceRetriever retriever) throws IOException {
        IOException last = null;
        for (URI location : locations(issuer)) {
            Map<String, Object> metadata;
            try {
                Resource document = retriever.retrieveResource(location.toURL());
                metadata = JSONObjectUtils.parse(document.getContent());
            }
            catch (IOException | ParseException unavailable) {
                last = unavailable instanceof IOException io ? io : new IOException(unavailable.getMessage());
                continue;
            }
            if (!issuer.toString().equals(metadata.get("issuer"))) {
                throw new IllegalStateException("The metadata at " + location + " names issuer '"
                        + metadata.get("issuer") + "', not '" + issuer + "': its keys are not used");
            }
            if (!(metadata.get("jwks_uri") instanceof String jwksUri)) {
                throw new IllegalStateException("The metadata at " + location + " names no jwks_uri");
            }
            return URI.create(jwksUri).toURL();
        }
        throw last != null ? last : new IOException("No metadata location for " + issuer);
    }

    /**
     * @param issuer an issuer URI
     * @return where OpenID Connect Discovery puts its metadata, the location asked first
     */
    public static URI openIdConfiguration(URI issuer) {
        return URI.create(issuer.getScheme() + "://" + issuer.getRawAuthority() + trimmedPath(issuer)
                + "/.well-known/openid-configuration");
    }

    /** OpenID Connect's location, then RFC 8414's (its path rule), then RFC 8414 on the issuer's own path. */
    static List<URI> locations(URI issuer) {
        String trimmed = trimmedPath(issuer);
        URI origin = URI.create(issuer.getScheme() + "://" + issuer.getRawAuthority());
        URI openId = openIdConfiguration(issuer);
        URI oauth = origin.resolve("/.well-known/oauth-authorization-server" + trimmed);
        return trimmed.isEmpty() ? List.of(openId, oauth) : List.of(openId, oauth,
                URI.create(origin + trimmed + "/.well-known/oauth-authorization-server"));
    }

    private static String trimmedPath(URI issuer) {
        String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

}
