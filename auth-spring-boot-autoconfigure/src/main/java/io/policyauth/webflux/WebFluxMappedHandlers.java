package io.policyauth.webflux;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
        return MappedHandler.all(mappings.get().stream().map(AbstractHandlerMethodMapping::getHandlerMethods).toList(),
                key -> key instanceof RequestMappingInfo info ? info.getPatternsCondition().getPatterns().stream()
                        .map(PathPattern::getPatternString).collect(Collectors.toSet()) : Set.of(String.valueOf(key)),
                key -> key instanceof RequestMappingInfo info ? info.getMethodsCondition().getMethods() : Set.of());
    }
}
