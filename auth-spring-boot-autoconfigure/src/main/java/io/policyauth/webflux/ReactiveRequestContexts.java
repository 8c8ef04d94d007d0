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
        InetSocketAddress peer = request.getRemoteAddress();
        String address = peer == null || peer.getAddress() == null ? "" : peer.getAddress().getHostAddress();
        int scope = address.indexOf('%');
        RequestHeaders headers = name -> {
            List<String> values = request.getHeaders().get(name);
            return values == null ? List.of() : values;
        };
        return new SecurityRequestContext(scope < 0 ? address : address.substring(0, scope), headers,
                request.getMethod().name(), MatchedPaths.of(request.getPath().pathWithinApplication()),
                request.getURI().getRawQuery());
    }
}
