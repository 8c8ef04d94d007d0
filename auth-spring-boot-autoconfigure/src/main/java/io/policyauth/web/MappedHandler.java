package io.policyauth.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

    /**
     * @param mappings each handler method mapping's methods by mapping key (a {@code RequestMappingInfo}
     *        of either stack, or another key)
     * @param patternsOf a key's patterns
     * @param methodsOf a key's HTTP methods; empty for any
     * @return every mapped handler method
     */
    public static List<MappedHandler> all(Collection<? extends Map<?, HandlerMethod>> mappings,
            Function<Object, Set<String>> patternsOf, Function<Object, Set<RequestMethod>> methodsOf) {
        List<MappedHandler> handlers = new ArrayList<>();
        for (Map<?, HandlerMethod> mapping : mappings) {
            mapping.forEach((key, handler) -> handlers.add(new MappedHandler(patternsOf.apply(key),
                    methodsOf.apply(key), handler)));
        }
        return handlers;
    }
}
