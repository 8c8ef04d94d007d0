package io.policyauth.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.policyauth.web.ServletRequestContexts;

/**
 * The {@link GatewayEndpoints}, answered on the servlet stack before Spring MVC, so nothing meant
 * for the application's handlers has a say in them.
 */
public final class GatewayFilter extends OncePerRequestFilter {

    private final GatewayEndpoints endpoints;

    /**
     * @param endpoints what the endpoints answer
     */
    public GatewayFilter(GatewayEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return endpoints.endpoint(endpointPath(request)) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        String endpoint = endpoints.endpoint(endpointPath(request));
        byte[] body = null;
        if (endpoints.readsBody(endpoint, request.getMethod())) {
            try (InputStream in = request.getInputStream()) {
                body = in.readNBytes(endpoints.maxBodyBytes() + 1);
            }
        }
        GatewayAnswer answer = endpoints.answer(new GatewayRequest(ServletRequestContexts.peerAddress(request),
                ServletRequestContexts.headers(request), request.getMethod(), endpoint, request.getQueryString(),
                body));
        response.setStatus(answer.status());
        for (Map.Entry<String, String> header : answer.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        }
    }

    /* The raw path within the application: gateways send raw paths, and they are checked raw. */
    private static String endpointPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return contextPath.isEmpty() || !uri.startsWith(contextPath) ? uri : uri.substring(contextPath.length());
    }
}
