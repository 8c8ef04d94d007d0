package io.policyauth.web.servlet;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import io.policyauth.core.RequestBody;
import io.policyauth.core.RequestHeaders;
import io.policyauth.core.RequestUrl;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.network.IpAddresses;
import io.policyauth.web.LazyPathVariables;
import io.policyauth.web.MatchedPaths;

/** Builds a {@link SecurityRequestContext} over a servlet request, copying no header. */
public final class ServletRequestContexts {

    /* Where the Servlet specification puts the TLS client's certificate chain. */
    private static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private ServletRequestContexts() {
    }

    /**
     * @param request a request Spring MVC mapped to a handler
     * @param path its path within the application, as {@link #pathWithinApplication} gave it
     * @return its context: the path variables of the matched pattern, the URL as the container
     *         reconstructs it, the TLS client certificates, the body when {@link BodyCopyFilter}
     *         made it copyable
     */
    static SecurityRequestContext from(HttpServletRequest request, PathContainer path) {
        return SecurityRequestContext.builder(peerAddress(request), headers(request), request.getMethod(),
                MatchedPaths.valueToMatch(path)).query(request.getQueryString())
                .pathVariables(new LazyPathVariables(() -> request.getAttribute(
                        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)))
                .requestUrl(RequestUrl.of(() -> url(request)))
                .clientCertificates(clientCertificates(request)).body(body(request)).build();
    }

    private static String url(HttpServletRequest request) {
        String query = request.getQueryString();
        StringBuffer url = request.getRequestURL();
        return query == null ? url.toString() : url.append('?').append(query).toString();
    }

    /* Asked only over TLS: for the certificate attribute, a container may consult its TLS support. */
    private static List<X509Certificate> clientCertificates(HttpServletRequest request) {
        return request.isSecure() && request.getAttribute(CLIENT_CERTIFICATES) instanceof X509Certificate[] chain
                ? Arrays.asList(chain) : List.of();
    }

    /* Looked up when a policy reads the body, which few do: the other requests pay for no lookup. */
    private static RequestBody body(HttpServletRequest request) {
        return limit -> request.getAttribute(BodyCopyFilter.ATTRIBUTE) instanceof BodyCopyingRequest copying
                ? copying.copy(limit) : null;
    }

    /**
     * The address of the socket peer, beneath any wrapper: Spring's {@code ForwardedHeaderFilter}
     * ({@code server.forward-headers-strategy=framework}) wraps the request to answer with an
     * address taken from {@code X-Forwarded-For}, which any client can send.
     *
     * @param request a servlet request, possibly wrapped
     * @return the address the container gives the innermost request, without an IPv6 zone id
     */
    public static String peerAddress(ServletRequest request) {
        ServletRequest innermost = request;
        while (innermost instanceof ServletRequestWrapper wrapper) {
            innermost = wrapper.getRequest();
        }
        return IpAddresses.peer(innermost.getRemoteAddr());
    }

    /**
     * @param request a servlet request
     * @return a view of its headers, copying none
     */
    public static RequestHeaders headers(HttpServletRequest request) {
        return name -> values(request, name);
    }

    /**
     * The path within the application as Spring MVC parsed it for handler mapping, parsing it now
     * when no handler mapping has (the parse is cached on the request either way).
     */
    static PathContainer pathWithinApplication(HttpServletRequest request) {
        return (ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                : ServletRequestPathUtils.parseAndCache(request)).pathWithinApplication();
    }

    private static List<String> values(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return List.of();
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return List.of(first);
        }
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(Collections.list(values));
        return all;
    }
}
