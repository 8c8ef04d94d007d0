package io.policyauth.actuate;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.ResourceRule;

/**
 * The resource an endpoint acts on, as the endpoint shows it.
 *
 * @param kind the kind of resource
 * @param id the id template, as {@code {documentId}}
 * @param action the action checked, as resolved for the endpoint's method; {@code null} when the
 *        method maps to none, or the endpoint takes any method and the action follows it
 */
public record ResourceEntry(String kind, String id, @Nullable String action) {

    /**
     * @param rule a resource rule, its action resolved
     * @return how the endpoint shows it
     */
    public static ResourceEntry of(ResourceRule rule) {
        return new ResourceEntry(rule.kind(), "{" + rule.idVariable() + "}", rule.action());
    }
}
