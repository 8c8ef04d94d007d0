package io.policyauth.actuate;

import java.util.List;

/**
 * The body of the {@code policyauth} endpoint.
 *
 * @param defaultPolicy the policy of endpoints with no annotation and no route
 * @param policies every registered policy
 * @param endpoints every mapped endpoint with its effective policy and where it comes from
 */
public record PolicyAuthReport(String defaultPolicy, List<PolicyEntry> policies, List<EndpointEntry> endpoints) {
}
