package io.policyauth.resource;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
}
