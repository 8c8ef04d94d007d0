package io.policyauth.web.servlet;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.PolicyAuthAttributes;

/** Injects the request's {@link AuthenticatedUser} into controller method parameters of that type. */
public class AuthenticatedUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return AuthenticatedUser.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Object user = webRequest.getAttribute(PolicyAuthAttributes.USER, RequestAttributes.SCOPE_REQUEST);
        if (user == null) {
            // Only an exempt handler (the error endpoint) runs without a decision; it has no user.
            throw new IllegalStateException("No AuthenticatedUser for " + parameter.getExecutable()
                    + ": the handler was not checked by policy-auth");
        }
        return user;
    }
}
