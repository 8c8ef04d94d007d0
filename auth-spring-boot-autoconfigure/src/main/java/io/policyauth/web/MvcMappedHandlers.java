package io.policyauth.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/** Spring MVC's mapped handler methods, for the {@link PolicyMap}. */
public final class MvcMappedHandlers implements Supplier<List<MappedHandler>> {

    private final Supplier<? extends Collection<AbstractHandlerMethodMapping<?>>> mappings;

    /**
     * @param mappings the application's handler method mappings, asked for on each call
     */
    public MvcMappedHandlers(Supplier<? extends Collection<AbstractHandlerMethodMapping<?>>> mappings) {
        this.mappings = mappings;
    }

    @Override
    public List<MappedHandler> get() {
        List<MappedHandler> handlers = new ArrayList<>();
        for (AbstractHandlerMethodMapping<?> mapping : mappings.get()) {
            for (Map.Entry<?, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
                Object info = handler.getKey();
                Set<String> patterns = info instanceof RequestMappingInfo requestMapping
                        ? requestMapping.getPatternValues() : Set.of(String.valueOf(info));
                Set<RequestMethod> methods = info instanceof RequestMappingInfo requestMapping
                        ? new HashSet<>(requestMapping.getMethodsCondition().getMethods()) : Set.of();
                handlers.add(new MappedHandler(patterns, methods, handler.getValue()));
            }
        }
        return handlers;
    }
}
