package io.policyauth.resource;

import java.util.Map;
import java.util.Objects;

/**
 * A resource as a policy engine sees it.
 *
 * @param kind what it is, such as {@code document}
 * @param id its identifier
 * @param attributes what policies read of it, keyed as policies name them ({@code owner},
 *        {@code tenant}, {@code sharedWith})
 */
public record Resource(String kind, String id, Map<String, Object> attributes) {

    public Resource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        attributes = Map.copyOf(attributes);
    }
}
