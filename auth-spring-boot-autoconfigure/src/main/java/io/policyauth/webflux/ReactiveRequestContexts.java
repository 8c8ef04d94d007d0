package io.policyauth.webflux;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

import io.policyauth.core.RequestHeaders;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.web.MatchedPaths;

/** Builds a {@link SecurityRequestContext} over a reactive request, copying no header. */
final class ReactiveRequestContexts {

    private ReactiveRequestContexts() {
    }

    static SecurityRequestContext from(ServerHttpRequest request) {
        return new SecurityRequestContext(peerAddress(request), headers(request), request.getMethod().name(),
                MatchedPaths.of(request.getPath().pathWithinApplication()), request.getURI().getRawQuery());
    }

    /* The socket peer as a literal, without an IPv6 scope. */
    static String peerAddress(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        String address = peer == null || peer.getAddress() == null ? "" : peer.getAddress().getHostAddress();
        int scope = address.indexOf('%');
        return scope < 0 ? address : address.substring(0, scope);
    }

    static RequestHeaders headers(ServerHttpRequest request) {
        return name -> {
            List<String> values = request.getHeaders().get(name);
            return values == null ? List.of() : values;
        };
    }
}
