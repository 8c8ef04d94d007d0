package io.policyauth.web.servlet;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes request bodies copyable for policies that decide on them (the context's
 * {@code RequestBody}, see {@link ServletRequestContexts}). Nothing is read unless a policy or the
 * handler asks for the body. Ordered first after character-encoding filters, before anything else
 * can read the body.
 */
public class BodyCopyFilter extends OncePerRequestFilter implements Ordered {

    /** Request attribute holding the copyable request. */
    static final String ATTRIBUTE = BodyCopyFilter.class.getName();

    /** The filter's order: after {@code CharacterEncodingFilter}, ahead of every body reader. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final int limit;
    private final int formLimit;

    /**
     * @param limit the largest body any policy wants, in bytes
     * @param formLimit the largest form body parsed as parameters, as the server's own limit
     */
    public BodyCopyFilter(int limit, int formLimit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("The body limit must be positive");
        }
        this.limit = limit;
        this.formLimit = formLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyCopyingRequest copying = new BodyCopyingRequest(request, limit, formLimit);
        request.setAttribute(ATTRIBUTE, copying);
        chain.doFilter(copying, response);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
