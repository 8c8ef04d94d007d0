package io.policyauth.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;

/**
 * Enforces each handler's policy before it runs. A granted request carries its
 * {@link AuthenticatedUser} as the request attribute {@link #USER_ATTRIBUTE}; a denied one gets a
 * problem response and never reaches the handler.
 */
public class PolicyInterceptor implements HandlerInterceptor {

    /** Request attribute holding the {@link AuthenticatedUser} of a granted request. */
    public static final String USER_ATTRIBUTE = AuthenticatedUser.class.getName();

    /** Request attribute holding the {@link HandlerPolicy} that granted the request. */
    private static final String POLICY_ATTRIBUTE = HandlerPolicy.class.getName();

    private static final Logger logger = LoggerFactory.getLogger(PolicyInterceptor.class);

    private final HandlerPolicies policies;
    private final AuthService authService;
    private final ProblemResponseWriter problems;

    /**
     * @param policies the per-handler policies
     * @param authService runs the policies
     * @param problems writes denials
     */
    public PolicyInterceptor(HandlerPolicies policies, AuthService authService, ProblemResponseWriter problems) {
        this.policies = policies;
        this.authService = authService;
        this.problems = problems;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (CorsUtils.isPreFlightRequest(request)) {
            return true;
        }
        HandlerPolicy policy = policies.forHandler(handler, ServletRequestContexts.pathWithinApplication(request),
                request.getMethod());
        if (policy.exempt() || alreadyDecided(request, policy)) {
            return true;
        }
        try {
            AuthenticatedUser user = authService.authorize(ServletRequestContexts.from(request), policy.executor(),
                    policy.enforcement());
            request.setAttribute(USER_ATTRIBUTE, user);
            request.setAttribute(POLICY_ATTRIBUTE, policy);
            return true;
        }
        catch (AuthException denied) {
            logger.debug("Policy '{}' denied {} {}: {}", policy.name(), request.getMethod(), request.getRequestURI(),
                    denied.reason());
            problems.write(response, denied, policy.name());
            return false;
        }
        catch (RuntimeException failure) {
            logger.error("Policy '{}' failed unexpectedly; the request is denied", policy.name(), failure);
            problems.writeError(response, policy.name());
            return false;
        }
    }

    /*
     * An async re-dispatch continues a granted request, but only to a handler under the very policy
     * that granted it: AsyncContext.dispatch(path) may target another one. An error dispatch is
     * decided like any request: only the error controller at the error path is exempt (see
     * ExemptEndpoints), so an error page pointing at an ordinary handler cannot serve it unchecked.
     */
    private static boolean alreadyDecided(HttpServletRequest request, HandlerPolicy policy) {
        return request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(USER_ATTRIBUTE) != null
                && request.getAttribute(POLICY_ATTRIBUTE) == policy;
    }
}
