package io.policyauth.resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shared documents both fronts' resource tests act on, as Cerbos's policies read them. */
public final class ResourceFixtures {

    /** d1 ann's, shared with bob; d2 globex's; d3 initech's (a tenant with a scoped policy); d4 ann's, unshared. */
    public static final Map<String, Map<String, Object>> DOCUMENTS = Map.of(
            "d1", Map.of("tenant", "acme", "owner", "ann", "sharedWith", List.of("bob"), "status", "published"),
            "d2", Map.of("tenant", "globex", "owner", "ann", "sharedWith", List.of(), "status", "published"),
            "d3", Map.of("tenant", "initech", "owner", "ivy", "sharedWith", List.of(), "status", "published"),
            "d4", Map.of("tenant", "acme", "owner", "ann", "sharedWith", List.of(), "status", "published"));

    private ResourceFixtures() {
    }

    /**
     * @return the attributes of {@link #DOCUMENTS}, kind {@code document}
     */
    public static ResourceAttributes documents() {
        return ResourceAttributes.of("document", id -> Optional.ofNullable(DOCUMENTS.get(id)));
    }
}
