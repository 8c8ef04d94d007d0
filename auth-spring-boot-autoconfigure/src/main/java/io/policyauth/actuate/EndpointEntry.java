package io.policyauth.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.Enforcement;
import io.policyauth.web.MappedPolicy;
import io.policyauth.web.PolicySource;

/**
 * One mapped endpoint with its effective policy, as the endpoint shows it.
 *
 * @param pattern the mapping pattern
 * @param method the HTTP method, or {@code *} for any
 * @param handler the handler, {@code Class#method}
 * @param policy the policy names (any of); empty when exempt
 * @param requirements scopes and roles required on top
 * @param source where the policy comes from
 * @param mode whether it is enforced or runs dry
 * @param open whether the policy admits anyone (no credential needed)
 * @param tenant under tenancy, how the endpoint is bound to the tenant its requests name:
 *        {@code {tenantId}} (the variable naming it; the header and subdomain too), {@code none}
 *        (opted out) or {@code off}
 * @param resource the resource checked once the policy admitted the caller, or {@code null}
 */
public record EndpointEntry(String pattern, String method, String handler, List<String> policy,
        RequirementsEntry requirements, PolicySource source, Enforcement mode, boolean open, String tenant,
        @Nullable ResourceEntry resource) {

    static EndpointEntry of(MappedPolicy mapped) {
        return new EndpointEntry(mapped.pattern(), mapped.method(), mapped.handler(), mapped.policy(),
                RequirementsEntry.of(mapped.requirements()), mapped.source(), mapped.mode(), mapped.open(),
                mapped.tenant().toString(), mapped.resource() == null ? null : ResourceEntry.of(mapped.resource()));
    }
}
