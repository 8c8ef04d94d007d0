package io.policyauth.web.reactive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.handler.AbstractUrlHandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.reactive.result.method.AbstractHandlerMethodMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

import io.policyauth.web.MappedHandler;
import io.policyauth.web.PolicyMap;

/**
 * WebFlux's mapped handlers, for the {@link PolicyMap}: handler methods, the URL handler mappings'
 * handlers (static resources) and the functional routes whose paths and methods their predicates
 * state, which the policies decide as well.
 */
public final class WebFluxMappedHandlers implements Supplier<List<MappedHandler>> {

    private final Supplier<? extends Collection<AbstractHandlerMethodMapping<?>>> mappings;
    private final Supplier<? extends Collection<AbstractUrlHandlerMapping>> urlMappings;
    private final Supplier<? extends Collection<RouterFunctionMapping>> routerMappings;

    /**
     * @param mappings the application's handler method mappings, asked for on each call
     * @param urlMappings the application's URL handler mappings, asked for on each call
     * @param routerMappings the application's functional route mappings, asked for on each call
     */
    public WebFluxMappedHandlers(Supplier<? extends Collection<AbstractHandlerMethodMapping<?>>> mappings,
            Supplier<? extends Collection<AbstractUrlHandlerMapping>> urlMappings,
            Supplier<? extends Collection<RouterFunctionMapping>> routerMappings) {
        this.mappings = mappings;
        this.urlMappings = urlMappings;
        this.routerMappings = routerMappings;
    }

    @Override
    public List<MappedHandler> get() {
        List<MappedHandler> handlers = new ArrayList<>(MappedHandler.all(
                mappings.get().stream().map(AbstractHandlerMethodMapping::getHandlerMethods).toList(),
                key -> key instanceof RequestMappingInfo info ? info.getPatternsCondition().getPatterns().stream()
                        .map(PathPattern::getPatternString).collect(Collectors.toSet()) : Set.of(String.valueOf(key)),
                key -> key instanceof RequestMappingInfo info ? info.getMethodsCondition().getMethods() : Set.of()));
        for (AbstractUrlHandlerMapping mapping : urlMappings.get()) {
            Map<String, Object> patterns = new LinkedHashMap<>();
            mapping.getHandlerMap().forEach((pattern, handler) -> patterns.put(pattern.getPatternString(), handler));
            handlers.addAll(MappedHandler.urls(patterns, handler -> handler instanceof ResourceWebHandler
                    ? "static resources" : handler.getClass().getSimpleName()));
        }
        for (RouterFunctionMapping mapping : routerMappings.get()) {
            if (mapping.getRouterFunction() != null) {
                handlers.addAll(FunctionalRoutes.of(mapping.getRouterFunction()));
            }
        }
        return handlers;
    }
}
