package io.policyauth.web.servlet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import io.policyauth.web.MappedHandler;
import io.policyauth.web.PolicyMap;

/**
 * Spring MVC's mapped handlers, for the {@link PolicyMap}: handler methods, and the URL handler
 * mappings' handlers (static resources, Swagger UI's resources, view controllers), which the
 * policies decide as well.
 */
public final class MvcMappedHandlers implements Supplier<List<MappedHandler>> {

    private final Supplier<? extends Collection<AbstractHandlerMethodMapping<?>>> mappings;
    private final Supplier<? extends Collection<AbstractUrlHandlerMapping>> urlMappings;

    /**
     * @param mappings the application's handler method mappings, asked for on each call
     */
    public MvcMappedHandlers(Supplier<? extends Collection<AbstractHandlerMethodMapping<?>>> mappings) {
        this(mappings, List::of);
    }

    /**
     * @param mappings the application's handler method mappings, asked for on each call
     * @param urlMappings the application's URL handler mappings, asked for on each call
     */
    public MvcMappedHandlers(Supplier<? extends Collection<AbstractHandlerMethodMapping<?>>> mappings,
            Supplier<? extends Collection<AbstractUrlHandlerMapping>> urlMappings) {
        this.mappings = mappings;
        this.urlMappings = urlMappings;
    }

    @Override
    public List<MappedHandler> get() {
        List<MappedHandler> handlers = new ArrayList<>(MappedHandler.all(
                mappings.get().stream().map(AbstractHandlerMethodMapping::getHandlerMethods).toList(),
                key -> key instanceof RequestMappingInfo info ? info.getPatternValues() : Set.of(String.valueOf(key)),
                key -> key instanceof RequestMappingInfo info ? info.getMethodsCondition().getMethods() : Set.of()));
        for (AbstractUrlHandlerMapping mapping : urlMappings.get()) {
            handlers.addAll(MappedHandler.urls(mapping.getHandlerMap(), MvcMappedHandlers::name));
        }
        return handlers;
    }

    private static String name(Object handler) {
        return handler instanceof ResourceHttpRequestHandler ? "static resources"
                : handler instanceof String beanName ? beanName : handler.getClass().getSimpleName();
    }
}
