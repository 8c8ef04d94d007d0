package io.policyauth.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.policyauth.core.SecurityRequestContext;

/** Builds a {@link SecurityRequestContext} over a servlet request, copying no header. */
final class ServletRequestContexts {

    private ServletRequestContexts() {
    }

    static SecurityRequestContext from(HttpServletRequest request) {
        return new SecurityRequestContext(request.getRemoteAddr(), name -> values(request, name),
                request.getMethod(), request.getRequestURI());
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
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(Collections.list(values));
        return all;
    }
}
