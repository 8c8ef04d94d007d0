package io.policyauth.core;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * Where the URL a client sent a request to comes from, for checks that compare it with what the
 * client signed (a DPoP proof's {@code htu}): the server's own view of the request, a trusted
 * proxy's forwarding headers, or a configured public URL.
 */
@FunctionalInterface
public interface RequestUrlSource {

    /** The URL as the server received it ({@link SecurityRequestContext#requestUrl()}). */
    RequestUrlSource AS_RECEIVED = context -> context.requestUrl().uri();

    /**
     * @param context a request
     * @return its URL as the client sent it, or {@code null} when it cannot be known
     */
    @Nullable URI url(SecurityRequestContext context);

    /**
     * @param base the API's public scheme, host, port and path prefix, as clients call it
     * @return a source that puts the request's path (and query) under {@code base}, whatever the
     *         request's own host or forwarding headers say
     */
    static RequestUrlSource under(URI base) {
        String prefix = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return context -> at(prefix, context);
    }

    /**
     * @param origin a scheme, authority and any path prefix, without a trailing {@code /}
     * @param context a request
     * @return the request's raw path and query under that origin, or {@code null} when that is no valid URI
     */
    static @Nullable URI at(String origin, SecurityRequestContext context) {
        URI received = context.requestUrl().uri();
        String path = received != null && received.getRawPath() != null ? received.getRawPath() : context.path();
        String query = received != null ? received.getRawQuery() : context.query();
        try {
            return new URI(origin + path + (query == null ? "" : "?" + query));
        }
        catch (URISyntaxException invalid) {
            return null;
        }
    }
}
