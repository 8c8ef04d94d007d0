package io.policyauth.core;

import java.util.List;
import java.util.Map;

/**
 * Which policies are enforced and which run dry.
 *
 * @param global the mode of every policy without its own
 * @param perPolicy modes set for single policies by name
 */
public record PolicyModes(Enforcement global, Map<String, Enforcement> perPolicy) {

    public PolicyModes {
        perPolicy = Map.copyOf(perPolicy);
    }

    /**
     * @param policies the names a handler requires (any of)
     * @return the mode of a single named policy that has its own, else the global mode
     */
    public Enforcement of(List<String> policies) {
        if (policies.size() == 1) {
            return perPolicy.getOrDefault(policies.get(0), global);
        }
        return global;
    }
}
