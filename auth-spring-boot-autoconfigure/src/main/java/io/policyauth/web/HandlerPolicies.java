package io.policyauth.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.ForbiddenException;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.core.UnknownPolicyException;

/**
 * Resolves the effective policy of each handler once and caches it, so the request path does no
 * annotation lookup and no registry lookup.
 */
public final class HandlerPolicies {

    private static final Logger logger = LoggerFactory.getLogger(HandlerPolicies.class);

    private final AuthService authService;
    private final String defaultPolicy;
    private final Predicate<Class<?>> exemptHandlerTypes;
    private final Map<HandlerKey, HandlerPolicy> byHandlerMethod = new ConcurrentHashMap<>();
    private final HandlerPolicy forOtherHandlers;

    /**
     * @param authService resolves policy names to executors
     * @param defaultPolicy the policy of handlers without {@link RequiresPolicy}
     * @param exemptHandlerTypes handler types that are never checked (the error controller)
     */
    public HandlerPolicies(AuthService authService, String defaultPolicy, Predicate<Class<?>> exemptHandlerTypes) {
        this.authService = authService;
        this.defaultPolicy = defaultPolicy;
        this.exemptHandlerTypes = exemptHandlerTypes;
        this.forOtherHandlers = defaultForOtherHandlers();
    }

    /**
     * The policy of any handler: a controller method, or another handler such as static resources,
     * which gets the default policy.
     *
     * @param handler the handler chosen by Spring MVC
     * @return its policy
     */
    public HandlerPolicy forHandler(Object handler) {
        if (handler instanceof HandlerMethod method) {
            return forHandlerMethod(method);
        }
        return forOtherHandlers;
    }

    /**
     * The policy of a controller method.
     *
     * @param handler the handler method
     * @return its policy
     * @throws IllegalStateException when the policy it names is not registered, naming the handler
     */
    public HandlerPolicy forHandlerMethod(HandlerMethod handler) {
        HandlerKey key = new HandlerKey(handler.getBeanType(), handler.getMethod());
        HandlerPolicy cached = byHandlerMethod.get(key);
        return cached != null ? cached : byHandlerMethod.computeIfAbsent(key, this::resolve);
    }

    private HandlerPolicy resolve(HandlerKey key) {
        if (exemptHandlerTypes.test(key.beanType())) {
            return HandlerPolicy.EXEMPT;
        }
        RequiresPolicy annotation = AnnotatedElementUtils.findMergedAnnotation(key.method(), RequiresPolicy.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(key.beanType(), RequiresPolicy.class);
        }
        String handlerName = key.beanType().getName() + "#" + key.method().getName();
        if (annotation == null) {
            return resolve(List.of(defaultPolicy), PolicySource.DEFAULT, handlerName);
        }
        if (annotation.value().length == 0) {
            throw new IllegalStateException("@RequiresPolicy on " + handlerName + " names no policy");
        }
        return resolve(Arrays.asList(annotation.value()), PolicySource.ANNOTATION, handlerName);
    }

    private HandlerPolicy resolve(List<String> names, PolicySource source, String handlerName) {
        try {
            return new HandlerPolicy(names, authService.resolve(names), source);
        }
        catch (UnknownPolicyException unknown) {
            String origin = source == PolicySource.DEFAULT
                    ? "Handler " + handlerName + " has no @RequiresPolicy, so it gets policy-auth.default-policy"
                    : "@RequiresPolicy on " + handlerName + " names policy '" + unknown.policy() + "'";
            throw new IllegalStateException(origin + ": " + unknown.getMessage(), unknown);
        }
    }

    /*
     * Static resources and other non-controller handlers get the default policy. When it is not
     * registered they are denied rather than failing start-up: an application whose controllers are
     * all annotated need not configure the default policy's backend.
     */
    private HandlerPolicy defaultForOtherHandlers() {
        List<String> names = List.of(defaultPolicy);
        return authService.registry().find(defaultPolicy)
                .map(executor -> new HandlerPolicy(names, executor, PolicySource.DEFAULT))
                .orElseGet(() -> {
                    logger.warn("policy-auth.default-policy '{}' is not registered: requests to handlers other than "
                            + "annotated controllers (static resources, actuator) are denied with 403. {}",
                            defaultPolicy, authService.registry().unknown(defaultPolicy).getMessage());
                    return new HandlerPolicy(names, new UnregisteredPolicy(defaultPolicy), PolicySource.DEFAULT);
                });
    }

    private record HandlerKey(Class<?> beanType, Method method) {
    }

    /** Stands in for a policy that is not registered: denies everything. */
    private record UnregisteredPolicy(String policy) implements AuthExecutor {

        @Override
        public AuthenticatedUser execute(SecurityRequestContext context) {
            throw new ForbiddenException("policy_not_registered", "No registered policy admits this request.",
                    List.of());
        }
    }
}
