package io.policyauth.core;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What an executor may know about a request, framework-neutral so that any front can build one:
 * the socket peer, the headers, the method, the path as handlers match it and the query; the
 * matched pattern's path variables, the URL as the client sent it and the TLS client certificates;
 * and the body, copied on demand. A front builds it per request with {@link #builder}.
 *
 * @param remoteAddress the address of the socket peer as a literal (never a host name)
 * @param headers the request headers
 * @param method the HTTP method, upper case
 * @param path the path within the application exactly as handlers and routes are matched against
 *        it: percent-decoded once, {@code ;} parameters removed, without the query string (a
 *        {@code /} decoded inside a segment stays {@code %2F}, so segments stay apart)
 * @param query the query string as received, without {@code ?}, or {@code null} when there is none
 * @param forwardedBody the body a gateway forwarded with the request it asks about, or
 *        {@code null} for a request the front serves itself (whose body is {@code body})
 * @param pathVariables the variables of the handler's matched pattern ({@code /orders/{id}}),
 *        decoded; empty when the pattern has none or no handler matched yet
 * @param requestUrl the URL as the client sent it, built on first use
 * @param clientCertificates the TLS client certificate chain, the client's own first; empty without
 *        TLS or without a client certificate
 * @param body the request's body, copied on demand; {@link RequestBody#NONE} when the front
 *        arranged no copy
 * @param grantHeaders the headers the policy adds to the answer when it admits the request
 */
public record SecurityRequestContext(String remoteAddress, RequestHeaders headers, String method, String path,
        @Nullable String query, @Nullable ForwardedBody forwardedBody, Map<String, String> pathVariables,
        RequestUrl requestUrl, List<X509Certificate> clientCertificates, RequestBody body, GrantHeaders grantHeaders) {

    public SecurityRequestContext {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pathVariables, "pathVariables");
        Objects.requireNonNull(requestUrl, "requestUrl");
        Objects.requireNonNull(clientCertificates, "clientCertificates");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(grantHeaders, "grantHeaders");
    }

    /**
     * @param remoteAddress the socket peer's address as a literal
     * @param headers the request headers
     * @param method the HTTP method, upper case
     * @param path the path as handlers match it
     * @return a builder of a context with no query, path variable, URL, certificate or body yet
     */
    public static Builder builder(String remoteAddress, RequestHeaders headers, String method, String path) {
        return new Builder(remoteAddress, headers, method, path);
    }

    /**
     * @param variables the variables of another pattern that matched the request
     * @return this request's context with those variables over the handler's
     */
    public SecurityRequestContext withPathVariables(Map<String, String> variables) {
        if (variables.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new HashMap<>(pathVariables);
        merged.putAll(variables);
        return new SecurityRequestContext(remoteAddress, headers, method, path, query, forwardedBody,
                Map.copyOf(merged), requestUrl, clientCertificates, body, grantHeaders);
    }

    /**
     * A context with a fixed header map, for tests and non-HTTP callers.
     *
     * @param remoteAddress socket peer address
     * @param headers header name to values
     * @return the context, for {@code GET /}
     */
    public static SecurityRequestContext of(String remoteAddress, Map<String, List<String>> headers) {
        return builder(remoteAddress, RequestHeaders.of(headers), "GET", "/").build();
    }

    /** Builds a {@link SecurityRequestContext}; what is not set is absent or empty. */
    public static final class Builder {

        private final String remoteAddress;
        private final RequestHeaders headers;
        private final String method;
        private final String path;
        private @Nullable String query;
        private @Nullable ForwardedBody forwardedBody;
        private Map<String, String> pathVariables = Map.of();
        private RequestUrl requestUrl = RequestUrl.UNKNOWN;
        private List<X509Certificate> clientCertificates = List.of();
        private RequestBody body = RequestBody.NONE;

        private Builder(String remoteAddress, RequestHeaders headers, String method, String path) {
            this.remoteAddress = remoteAddress;
            this.headers = headers;
            this.method = method;
            this.path = path;
        }

        /**
         * @param raw the query string as received, without {@code ?}, or {@code null}
         * @return this builder
         */
        public Builder query(@Nullable String raw) {
            this.query = raw;
            return this;
        }

        /**
         * @param forwarded the body a gateway forwarded with the request it asks about
         * @return this builder
         */
        public Builder forwardedBody(ForwardedBody forwarded) {
            this.forwardedBody = forwarded;
            return this;
        }

        /**
         * @param variables the matched pattern's variables, not copied: the front's map is read as it is
         * @return this builder
         */
        public Builder pathVariables(Map<String, String> variables) {
            this.pathVariables = variables;
            return this;
        }

        /**
         * @param url the URL as the client sent it
         * @return this builder
         */
        public Builder requestUrl(RequestUrl url) {
            this.requestUrl = url;
            return this;
        }

        /**
         * @param chain the TLS client certificate chain, the client's own first
         * @return this builder
         */
        public Builder clientCertificates(List<X509Certificate> chain) {
            this.clientCertificates = chain;
            return this;
        }

        /**
         * @param copy the request's body, copied on demand
         * @return this builder
         */
        public Builder body(RequestBody copy) {
            this.body = copy;
            return this;
        }

        /**
         * @return the context
         */
        public SecurityRequestContext build() {
            return new SecurityRequestContext(remoteAddress, headers, method, path, query, forwardedBody, pathVariables,
                    requestUrl, clientCertificates, body, new GrantHeaders());
        }
    }
}
