package io.policyauth.actuate;

import java.util.List;

import io.policyauth.core.Enforcement;
import io.policyauth.core.Requirements;

/**
 * One registered policy as the endpoint shows it.
 *
 * @param name the policy name
 * @param kind {@code any-of}, {@code all-of}, or the executor's type
 * @param members member policies of a composite, else empty
 * @param requirements scopes and roles the policy requires
 * @param mode whether it is enforced or runs dry
 */
public record PolicyDescription(String name, String kind, List<String> members, Requirements requirements,
        Enforcement mode) {
}
