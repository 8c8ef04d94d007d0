package io.policyauth.openapi;

import java.util.HashSet;
import java.util.Set;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.method.HandlerMethod;

import io.policyauth.core.AuthenticatedUser;

/**
 * Removes the {@link AuthenticatedUser} handler arguments from the operations: policy-auth
 * supplies them, the client never sends them (springdoc would list them as query parameters).
 */
public final class AuthenticatedUserParameters implements GlobalOperationCustomizer {

    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (operation.getParameters() == null) {
            return operation;
        }
        Set<String> injected = new HashSet<>();
        for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
            if (AuthenticatedUser.class.isAssignableFrom(parameter.getParameterType())) {
                parameter.initParameterNameDiscovery(names);
                injected.add(parameter.getParameterName());
            }
        }
        operation.getParameters().removeIf(parameter -> "query".equals(parameter.getIn())
                && injected.contains(parameter.getName()));
        if (operation.getParameters().isEmpty()) {
            operation.setParameters(null);
        }
        return operation;
    }
}
