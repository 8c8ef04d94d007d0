package io.policyauth.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

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
        return MappedHandler.all(mappings.get().stream().map(AbstractHandlerMethodMapping::getHandlerMethods).toList(),
                key -> key instanceof RequestMappingInfo info ? info.getPatternValues() : Set.of(String.valueOf(key)),
                key -> key instanceof RequestMappingInfo info ? info.getMethodsCondition().getMethods() : Set.of());
    }
}
