package io.policyauth.web.reactive;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.AbstractList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

import io.policyauth.core.RequestBody;
import io.policyauth.core.RequestHeaders;
import io.policyauth.core.RequestUrl;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.network.IpAddresses;
import io.policyauth.web.LazyPathVariables;
import io.policyauth.web.MatchedPaths;

/** Builds a {@link SecurityRequestContext} over a reactive request, copying no header. */
final class ReactiveRequestContexts {

    private ReactiveRequestContexts() {
    }

    /**
     * @param exchange an exchange whose handler was looked up
     * @return its context: the path variables of the matched pattern, the URL as the server read
     *         it, the TLS client certificates, the body when {@link ReactiveBodyCopyFilter} made it
     *         copyable
     */
    static SecurityRequestContext from(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        return SecurityRequestContext.builder(peerAddress(request), headers(request), request.getMethod().name(),
                MatchedPaths.valueToMatch(request.getPath().pathWithinApplication()))
                .query(request.getURI().getRawQuery()).pathVariables(new LazyPathVariables(() -> exchange.getAttribute(
                        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)))
                .requestUrl(RequestUrl.of(() -> request.getURI().toString()))
                .clientCertificates(clientCertificates(request)).body(body(exchange)).build();
    }

    private static List<X509Certificate> clientCertificates(ServerHttpRequest request) {
        return new ClientCertificates(request);
    }

    /*
     * The TLS client's chain, looked up when a policy first asks: few do, and on Reactor Netty the
     * lookup walks the channel's pipeline for its TLS handler, on every request. A decision moved
     * off the event loop may ask from another thread, which the lookup allows; two threads asking at
     * once find the same chain.
     */
    private static final class ClientCertificates extends AbstractList<X509Certificate> {

        private final ServerHttpRequest request;
        private @Nullable List<X509Certificate> chain;

        ClientCertificates(ServerHttpRequest request) {
            this.request = request;
        }

        @Override
        public X509Certificate get(int index) {
            return chain().get(index);
        }

        @Override
        public int size() {
            return chain().size();
        }

        private List<X509Certificate> chain() {
            if (chain == null) {
                SslInfo tls = request.getSslInfo();
                X509Certificate[] certificates = tls == null ? null : tls.getPeerCertificates();
                chain = certificates == null ? List.of() : List.of(certificates);
            }
            return chain;
        }
    }

    /* Looked up when a policy reads the body, which few do: the other requests pay for no lookup. */
    private static RequestBody body(ServerWebExchange exchange) {
        return limit -> {
            BodyCopyingServerRequest request = exchange.getAttribute(ReactiveBodyCopyFilter.ATTRIBUTE);
            return request == null ? null : request.copy(limit);
        };
    }

    static String peerAddress(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        return peer == null || peer.getAddress() == null ? "" : IpAddresses.peer(peer.getAddress().getHostAddress());
    }

    static RequestHeaders headers(ServerHttpRequest request) {
        return name -> {
            List<String> values = request.getHeaders().get(name);
            return values == null ? List.of() : values;
        };
    }
}
