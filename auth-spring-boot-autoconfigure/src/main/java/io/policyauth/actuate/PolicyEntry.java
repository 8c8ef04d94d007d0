package io.policyauth.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.Challenge;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.Enforcement;
import io.policyauth.core.PolicyDescription;

/**
 * One registered policy as the endpoint shows it.
 *
 * @param name the policy name
 * @param kind what it is: {@code jwt}, {@code db-api-key}, {@code any-of}, {@code custom}, ...
 * @param members member policies of a composite, else empty
 * @param requirements scopes and roles the policy requires
 * @param credential what a leaf policy reads, or {@code null}
 * @param schemes the authentication schemes a request without a credential is challenged with,
 *        such as {@code Bearer} and {@code DPoP}
 * @param rateLimit the rate limit its callers are counted against, in words, or {@code null}
 * @param mode whether it is enforced or runs dry
 */
public record PolicyEntry(String name, String kind, List<String> members, RequirementsEntry requirements,
        @Nullable CredentialDescription credential, List<String> schemes, @Nullable String rateLimit,
        Enforcement mode) {

    static PolicyEntry of(PolicyDescription description, Enforcement mode) {
        return new PolicyEntry(description.name(), description.kind(),
                description.members().stream().map(member -> member.describe().name()).toList(),
                RequirementsEntry.of(description.requirements()), description.credential(),
                description.challenges().stream().map(Challenge::scheme).distinct().toList(),
                description.attributes().get(PolicyDescription.RATE_LIMIT), mode);
    }
}
