package io.policyauth.web.reactive;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

import io.policyauth.core.RequestBody;
import io.policyauth.core.RequestHeaders;
import io.policyauth.core.RequestUrl;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.network.IpAddresses;
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
                .query(request.getURI().getRawQuery()).pathVariables(pathVariables(exchange))
                .requestUrl(RequestUrl.of(() -> request.getURI().toString()))
                .clientCertificates(clientCertificates(request)).body(body(exchange)).build();
    }

    private static Map<String, String> pathVariables(ServerWebExchange exchange) {
        Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? Map.of() : variables;
    }

    private static List<X509Certificate> clientCertificates(ServerHttpRequest request) {
        SslInfo tls = request.getSslInfo();
        X509Certificate[] chain = tls == null ? null : tls.getPeerCertificates();
        return chain == null ? List.of() : Arrays.asList(chain);
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
