package io.policyauth.web;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The variables of a request's matched pattern, read from the request when a policy first asks:
 * most policies never do, and a request attribute lookup is not free under load. Unmodifiable. Two
 * threads asking at once (a reactive decision moved off the event loop) read the same attribute.
 */
public final class LazyPathVariables extends AbstractMap<String, String> {

    private final Supplier<@Nullable Object> attribute;
    private @Nullable Map<String, String> variables;

    /**
     * @param attribute reads the web stack's URI template variables attribute of the request
     */
    public LazyPathVariables(Supplier<@Nullable Object> attribute) {
        this.attribute = attribute;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return variables().entrySet();
    }

    @Override
    public @Nullable String get(Object name) {
        return variables().get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return variables().containsKey(name);
    }

    @Override
    public int size() {
        return variables().size();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> variables() {
        if (variables == null) {
            variables = attribute.get() instanceof Map<?, ?> map
                    ? Collections.unmodifiableMap((Map<String, String>) map) : Map.of();
        }
        return variables;
    }
}
