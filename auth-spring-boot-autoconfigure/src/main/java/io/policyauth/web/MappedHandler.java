package io.policyauth.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * One mapped handler, as a web stack (Spring MVC, WebFlux) maps it: a handler method, or a
 * handler no annotation can be put on (static resources, a functional route), which routes and
 * the default policy decide.
 *
 * @param patterns its mapping patterns
 * @param methods the HTTP methods it is mapped to; empty for any
 * @param handler the handler method, or {@code null} for a handler that is not one
 * @param name how the handler is named in the policy map: {@code Class#method}, else what it is
 * @param policy the policy the handler names for itself in code (a functional route's), or
 *        {@code null} when its annotation, the routes or the default policy decide it
 */
public record MappedHandler(Set<String> patterns, Set<RequestMethod> methods, @Nullable HandlerMethod handler,
        String name, @Nullable EffectivePolicy policy) {

    public MappedHandler {
        patterns = Set.copyOf(patterns);
        methods = Set.copyOf(methods);
    }

    /**
     * @param patterns its mapping patterns
     * @param methods the HTTP methods it is mapped to; empty for any
     * @param handler the handler method
     */
    public MappedHandler(Set<String> patterns, Set<RequestMethod> methods, HandlerMethod handler) {
        this(patterns, methods, handler, handler.getBeanType().getName() + "#" + handler.getMethod().getName(),
                null);
    }

    /**
     * @param patterns its mapping patterns
     * @param methods the HTTP methods it is mapped to; empty for any
     * @param name what it is, for example {@code resources} or {@code router function}
     * @return a handler that is not a handler method
     */
    public static MappedHandler unannotated(Set<String> patterns, Set<RequestMethod> methods, String name) {
        return new MappedHandler(patterns, methods, null, name, null);
    }

    /**
     * @param patterns its mapping patterns
     * @param methods the HTTP methods it is mapped to; empty for any
     * @param name what it is, for example {@code router function}
     * @param policy the policy it names for itself in code
     * @return a handler that is not a handler method and decides itself
     */
    public static MappedHandler namingItsPolicy(Set<String> patterns, Set<RequestMethod> methods, String name,
            EffectivePolicy policy) {
        return new MappedHandler(patterns, methods, null, name, policy);
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

    /**
     * @param patterns URL patterns of handlers that are not handler methods (a URL handler mapping's)
     * @param nameOf what the handler of a pattern is
     * @return one unannotated handler per pattern, for any method
     */
    public static List<MappedHandler> urls(Map<String, Object> patterns, Function<Object, String> nameOf) {
        List<MappedHandler> handlers = new ArrayList<>();
        patterns.forEach((pattern, handler) -> handlers.add(unannotated(Set.of(pattern), Set.of(),
                nameOf.apply(handler))));
        return handlers;
    }
}
