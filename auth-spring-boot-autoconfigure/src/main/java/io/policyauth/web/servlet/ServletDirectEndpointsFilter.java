package io.policyauth.web.servlet;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import io.policyauth.web.DirectEndpoints;
import io.policyauth.web.EndpointRequest;

/**
 * {@link DirectEndpoints} (the gateway's, the tenant admin API), answered on the servlet stack
 * before Spring MVC, so nothing meant for the application's handlers has a say in them.
 */
public final class ServletDirectEndpointsFilter extends OncePerRequestFilter {

    private final DirectEndpoints endpoints;
    private final ServletResponseWriter writer;

    /**
     * @param endpoints what the endpoints answer
     * @param writer writes their answers
     */
    public ServletDirectEndpointsFilter(DirectEndpoints endpoints, ServletResponseWriter writer) {
        this.endpoints = endpoints;
        this.writer = writer;
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
        writer.write(response, endpoints.answer(new EndpointRequest(ServletRequestContexts.peerAddress(request),
                ServletRequestContexts.headers(request), request.getMethod(), endpoint, request.getQueryString(),
                body)));
    }

    /* The raw path within the application: gateways send raw paths, and they are checked raw. */
    private static String endpointPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return contextPath.isEmpty() || !uri.startsWith(contextPath) ? uri : uri.substring(contextPath.length());
    }
}
