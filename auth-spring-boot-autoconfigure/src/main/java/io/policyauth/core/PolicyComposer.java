package io.policyauth.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds executors for {@link PolicyDefinition}s whose members may be other definitions, failing
 * on unknown names, on names already taken and on cycles.
 */
public final class PolicyComposer {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Correct policy-auth.policies: each named policy has exactly one of "
            + "any-of and all-of, names registered policies, and forms no cycle.";

    private final AuthExecutorRegistry base;
    private final Map<String, PolicyDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, AuthExecutor> built = new LinkedHashMap<>();
    private final Clock clock;

    private PolicyComposer(AuthExecutorRegistry base, List<PolicyDefinition> definitions, Clock clock) {
        this.base = base;
        this.clock = clock;
        for (PolicyDefinition definition : definitions) {
            if (base.find(definition.name()).isPresent()) {
                throw new PolicyAuthConfigurationException("Policy '" + definition.name()
                        + "' is defined in configuration but is already registered by an executor bean", WHAT_TO_DO);
            }
            this.definitions.put(definition.name(), definition);
        }
    }

    /**
     * Builds every definition.
     *
     * @param base the policies registered by executor beans
     * @param definitions the definitions, which may name each other
     * @param clock the application's clock, for the step-ups definitions require
     * @return one executor per definition, in definition order
     * @throws IllegalStateException on an unknown member, a taken name or a cycle
     */
    public static List<AuthExecutor> compose(AuthExecutorRegistry base, List<PolicyDefinition> definitions,
            Clock clock) {
        PolicyComposer composer = new PolicyComposer(base, definitions, clock);
        List<AuthExecutor> executors = new ArrayList<>();
        for (String name : composer.definitions.keySet()) {
            executors.add(composer.build(name, new ArrayList<>()));
        }
        return executors;
    }

    private AuthExecutor build(String name, List<String> path) {
        AuthExecutor done = built.get(name);
        if (done != null) {
            return done;
        }
        if (path.contains(name)) {
            path.add(name);
            throw new PolicyAuthConfigurationException("Policies form a cycle: " + String.join(" -> ", path),
                    WHAT_TO_DO);
        }
        path.add(name);
        PolicyDefinition definition = definitions.get(name);
        List<AuthExecutor> members = new ArrayList<>();
        for (String member : definition.members()) {
            members.add(resolve(member, definition, path));
        }
        path.remove(path.size() - 1);
        AuthExecutor executor = Policies.of(definition, members, clock);
        built.put(name, executor);
        return executor;
    }

    private AuthExecutor resolve(String member, PolicyDefinition definition, List<String> path) {
        if (definitions.containsKey(member)) {
            return build(member, path);
        }
        return base.find(member).orElseThrow(() -> new IllegalStateException("Policy '" + definition.name()
                + "' names policy '" + member + "': " + base.unknown(member).getMessage()));
    }
}
