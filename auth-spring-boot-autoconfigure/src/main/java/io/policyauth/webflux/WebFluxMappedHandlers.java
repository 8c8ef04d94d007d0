package io.policyauth.webflux;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.AbstractHandlerMethodMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

import io.policyauth.web.MappedHandler;
import io.policyauth.web.PolicyMap;

/** WebFlux's mapped handler methods, for the {@link PolicyMap}. */
public final class WebFluxMappedHandlers implements Supplier<List<MappedHandler>> {

    private final Supplier<? extends Collection<AbstractHandlerMethodMapping<?>>> mappings;

    /**
     * @param mappings the application's handler method mappings, asked for on each call
     */
    public WebFluxMappedHandlers(Supplier<? extends Collection<AbstractHandlerMethodMapping<?>>> mappings) {
        this.mappings = mappings;
    }

    @Override
    public List<MappedHandler> get() {
        List<MappedHandler> handlers = new ArrayList<>();
        for (AbstractHandlerMethodMapping<?> mapping : mappings.get()) {
            for (Map.Entry<?, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
                Object info = handler.getKey();
                Set<String> patterns = new HashSet<>();
                Set<RequestMethod> methods = new HashSet<>();
                if (info instanceof RequestMappingInfo requestMapping) {
                    requestMapping.getPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                            .forEach(patterns::add);
                    methods.addAll(requestMapping.getMethodsCondition().getMethods());
                }
                else {
                    patterns.add(String.valueOf(info));
                }
                handlers.add(new MappedHandler(patterns, methods, handler.getValue()));
            }
        }
        return handlers;
    }
}
