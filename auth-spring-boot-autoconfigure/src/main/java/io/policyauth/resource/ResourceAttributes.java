package io.policyauth.resource;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the application knows of the resources of one kind, as policies see them: a bean per kind,
 * asked by the declarative checks ({@code @RequiresResource}).
 */
public interface ResourceAttributes {

    /**
     * @return the kind whose attributes this loads, such as {@code document}
     */
    String kind();

    /**
     * @param id a resource's id
     * @return its attributes keyed as policies name them ({@code owner}), or empty when there is no
     *         such resource (a 404)
     */
    Optional<Map<String, Object>> load(String id);

    /**
     * @param ids resources' ids
     * @return the attributes of those that exist, by id
     */
    default Map<String, Map<String, Object>> loadAll(Collection<String> ids) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        for (String id : ids) {
            load(id).ifPresent(attributes -> found.put(id, attributes));
        }
        return found;
    }

    /**
     * Attributes of one kind from a lookup, for a bean written in one line:
     * {@code ResourceAttributes.of("document", id -> documents.findById(id).map(Document::attributes))}.
     *
     * @param kind the kind
     * @param load a resource's attributes by id, empty when there is no such resource
     * @return the attributes of that kind
     */
    static ResourceAttributes of(String kind, Function<String, Optional<Map<String, Object>>> load) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(load, "load");
        return new ResourceAttributes() {

            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Optional<Map<String, Object>> load(String id) {
                return load.apply(id);
            }
        };
    }
}
