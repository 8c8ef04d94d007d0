package io.policyauth.core;

import org.jspecify.annotations.Nullable;
import java.util.Map;
import java.util.Objects;

/**
 * What an executor may know about a request: the socket peer address, the headers, the method, the
 * path and the query. Framework-neutral, so any web front can build one.
 *
 * @param remoteAddress the address of the socket peer as a literal (never a host name)
 * @param headers the request headers
 * @param method the HTTP method, upper case
 * @param path the path within the application exactly as handlers and routes are matched against
 *        it: percent-decoded once, {@code ;} parameters removed, without the query string (a
 *        {@code /} decoded inside a segment stays {@code %2F}, so segments stay apart)
 * @param query the query string as received, without {@code ?}, or {@code null} when there is none
 * @param forwardedBody the body a gateway forwarded with the request it asks about, or
 *        {@code null} for a request the front serves itself (its body, if a policy needs it, comes
 *        from the front's {@link RequestBodySource})
 */
public record SecurityRequestContext(String remoteAddress, RequestHeaders headers, String method, String path,
        @Nullable String query, @Nullable ForwardedBody forwardedBody) {

    public SecurityRequestContext {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /**
     * A request the front serves itself.
     *
     * @param remoteAddress socket peer address
     * @param headers the request headers
     * @param method the HTTP method, upper case
     * @param path the path as matched
     * @param query the raw query string, or {@code null}
     */
    public SecurityRequestContext(String remoteAddress, RequestHeaders headers, String method, String path,
            @Nullable String query) {
        this(remoteAddress, headers, method, path, query, null);
    }

    /**
     * A context without a query string.
     *
     * @param remoteAddress socket peer address
     * @param headers the request headers
     * @param method the HTTP method, upper case
     * @param path the path as matched
     */
    public SecurityRequestContext(String remoteAddress, RequestHeaders headers, String method, String path) {
        this(remoteAddress, headers, method, path, null);
    }

    /**
     * A context with a fixed header map, for tests and non-HTTP callers.
     *
     * @param remoteAddress socket peer address
     * @param headers header name to values
     * @return the context, for {@code GET /}
     */
    public static SecurityRequestContext of(String remoteAddress, Map<String, java.util.List<String>> headers) {
        return new SecurityRequestContext(remoteAddress, RequestHeaders.of(headers), "GET", "/");
    }
}
