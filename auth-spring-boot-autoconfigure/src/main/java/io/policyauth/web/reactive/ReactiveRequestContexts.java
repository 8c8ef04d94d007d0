package io.policyauth.web.reactive;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

import io.policyauth.core.RequestHeaders;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.network.IpAddresses;
import io.policyauth.web.MatchedPaths;

/** Builds a {@link SecurityRequestContext} over a reactive request, copying no header. */
final class ReactiveRequestContexts {

    private ReactiveRequestContexts() {
    }

    static SecurityRequestContext from(ServerHttpRequest request) {
        return new SecurityRequestContext(peerAddress(request), headers(request), request.getMethod().name(),
                MatchedPaths.valueToMatch(request.getPath().pathWithinApplication()), request.getURI().getRawQuery());
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
