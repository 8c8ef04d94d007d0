package io.policyauth.web.reactive;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.policyauth.core.AuthenticatedUser;

/**
 * Injects the caller into WebFlux handler methods: an {@link AuthenticatedUser} parameter gets the
 * user of the request's policy ({@link AuthenticatedUser#anonymous()} for {@code public}).
 */
public final class ReactiveAuthenticatedUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return AuthenticatedUser.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        return Mono.just(PolicyAuthExchange.user(exchange));
    }
}
