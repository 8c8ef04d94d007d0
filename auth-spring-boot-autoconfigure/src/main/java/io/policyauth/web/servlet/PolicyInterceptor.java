package io.policyauth.web.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.Decision;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.EffectivePolicy;
import io.policyauth.web.PolicyAuthAttributes;
import io.policyauth.web.PolicyResponse;

/**
 * Enforces each handler's policy before it runs. A granted request carries its
 * {@link AuthenticatedUser} as the request attribute {@link PolicyAuthAttributes#USER}; a denied one gets a
 * problem response and never reaches the handler.
 */
public class PolicyInterceptor implements AsyncHandlerInterceptor {

    /** Request attribute holding the {@link EffectivePolicy} that granted the request. */
    private static final String POLICY_ATTRIBUTE = EffectivePolicy.class.getName();

    private static final Logger logger = LoggerFactory.getLogger(PolicyInterceptor.class);

    private final EffectivePolicies policies;
    private final AuthService authService;
    private final ServletResponseWriter writer;

    /**
     * @param policies the per-handler policies
     * @param authService runs the policies
     * @param writer writes refusals
     */
    public PolicyInterceptor(EffectivePolicies policies, AuthService authService, ServletResponseWriter writer) {
        this.policies = policies;
        this.authService = authService;
        this.writer = writer;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (CorsUtils.isPreFlightRequest(request)) {
            return true;
        }
        PathContainer path = ServletRequestContexts.pathWithinApplication(request);
        EffectivePolicy policy = policies.forHandler(handler, path, request.getMethod());
        if (policy.exempt() || alreadyDecided(request, policy)) {
            return true;
        }
        Decision decision = authService.decide(ServletRequestContexts.from(request, path), policy.executor(),
                policy.enforcement());
        if (decision instanceof Decision.Granted granted) {
            granted.headers().forEach(response::setHeader);
            request.setAttribute(PolicyAuthAttributes.USER, granted.user());
            return true;
        }
        if (decision instanceof Decision.Denied denied) {
            logger.debug("Policy '{}' denied {} {}: {}", policy.name(), request.getMethod(), request.getRequestURI(),
                    denied.exception().reason());
        }
        writer.write(response, PolicyResponse.refusal(decision, policy.name()));
        return false;
    }

    /*
     * Only a request whose handler went asynchronous is dispatched again: which policy granted it is
     * kept for that dispatch, and other requests pay for no second attribute.
     */
    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
            Object handler) {
        if (request.getAttribute(PolicyAuthAttributes.USER) != null) {
            request.setAttribute(POLICY_ATTRIBUTE, policies.forHandler(handler,
                    ServletRequestContexts.pathWithinApplication(request), request.getMethod()));
        }
    }

    /*
     * An async re-dispatch continues a granted request, but only to a handler under the very policy
     * that granted it: AsyncContext.dispatch(path) may target another one. An error dispatch is
     * decided like any request: only the error controller at the error path is exempt (see
     * ExemptEndpoints), so an error page pointing at an ordinary handler cannot serve it unchecked.
     */
    private static boolean alreadyDecided(HttpServletRequest request, EffectivePolicy policy) {
        return request.getDispatcherType() == DispatcherType.ASYNC
                && request.getAttribute(PolicyAuthAttributes.USER) != null
                && request.getAttribute(POLICY_ATTRIBUTE) == policy;
    }
}
