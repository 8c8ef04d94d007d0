package io.policyauth.web;

import java.util.Set;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * One mapped handler method, as a web stack (Spring MVC, WebFlux) maps it.
 *
 * @param patterns its mapping patterns
 * @param methods the HTTP methods it is mapped to; empty for any
 * @param handler the handler method
 */
public record MappedHandler(Set<String> patterns, Set<RequestMethod> methods, HandlerMethod handler) {

    public MappedHandler {
        patterns = Set.copyOf(patterns);
        methods = Set.copyOf(methods);
    }
}
