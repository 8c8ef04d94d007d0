package io.policyauth.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The resource an endpoint acts on, checked after its policy admitted the caller.
 *
 * @param kind the kind of resource, such as {@code document}
 * @param idVariable the path variable holding its id
 * @param action the action, or {@code null} for the one the request's method maps to
 */
public record ResourceRule(String kind, String idVariable, @Nullable String action) {

    public ResourceRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(idVariable, "idVariable");
    }
}
