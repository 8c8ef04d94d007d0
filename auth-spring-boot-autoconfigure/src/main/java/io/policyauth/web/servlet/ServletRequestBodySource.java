package io.policyauth.web.servlet;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.policyauth.core.RequestBodySource;
import io.policyauth.core.SecurityRequestContext;

/**
 * Copies bodies of servlet requests that passed {@link BodyCopyFilter}. Finds the request through
 * Spring MVC's request binding, since policies run in the interceptor on the request's thread.
 */
public class ServletRequestBodySource implements RequestBodySource {

    @Override
    public byte @Nullable [] copy(SecurityRequestContext context, int limit) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        HttpServletRequest request = servlet.getRequest();
        return request.getAttribute(BodyCopyFilter.ATTRIBUTE) instanceof BodyCopyingRequest copying
                ? copying.copy(limit) : null;
    }
}
