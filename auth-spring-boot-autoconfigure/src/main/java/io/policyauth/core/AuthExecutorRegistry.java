package io.policyauth.core;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every registered policy by name. Built once at start; duplicate or malformed names fail then.
 */
public final class AuthExecutorRegistry {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Give every AuthExecutor bean a policy() name of its own.";

    private static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z0-9_.:-]+");

    private final Map<String, AuthExecutor> executors;
    private final Map<String, String> unconfiguredHints;

    /**
     * @param executors every executor; names must be unique
     * @param unconfiguredHints for built-in policies whose backend is not configured: policy name
     *        to what to set, quoted when such a name is asked for
     * @throws IllegalStateException on a duplicate or malformed policy name
     */
    public AuthExecutorRegistry(Collection<? extends AuthExecutor> executors, Map<String, String> unconfiguredHints) {
        Map<String, AuthExecutor> byName = new LinkedHashMap<>();
        for (AuthExecutor executor : executors) {
            String name = executor.policy();
            if (name == null || !POLICY_NAME.matcher(name).matches()) {
                throw new PolicyAuthConfigurationException("Executor " + executor.getClass().getName()
                        + " has an invalid policy name '" + name + "': use letters, digits, '_', '.', ':' or '-'",
                        WHAT_TO_DO);
            }
            AuthExecutor previous = byName.putIfAbsent(name, executor);
            if (previous != null) {
                throw new PolicyAuthConfigurationException("Policy '" + name + "' is registered twice: by "
                        + previous.getClass().getName() + " and by " + executor.getClass().getName()
                        + ". Policy names must be unique.", WHAT_TO_DO);
            }
        }
        this.executors = Collections.unmodifiableMap(byName);
        this.unconfiguredHints = Map.copyOf(unconfiguredHints);
    }

    /**
     * The executor of a policy.
     *
     * @param policy the policy name
     * @return the executor
     * @throws UnknownPolicyException when none is registered, naming the known ones
     */
    public AuthExecutor get(String policy) {
        AuthExecutor executor = executors.get(policy);
        if (executor == null) {
            throw unknown(policy);
        }
        return executor;
    }

    /**
     * @param policy the policy name
     * @return the executor, if registered
     */
    public Optional<AuthExecutor> find(String policy) {
        return Optional.ofNullable(executors.get(policy));
    }

    /**
     * @return the registered policy names, sorted
     */
    public Set<String> policies() {
        return Collections.unmodifiableSet(new TreeSet<>(executors.keySet()));
    }

    /**
     * The exception for an unknown name, with the known names and, for a built-in policy whose
     * backend is not configured, the properties to set.
     *
     * @param policy the unknown name
     * @return the exception to throw
     */
    public UnknownPolicyException unknown(String policy) {
        StringBuilder message = new StringBuilder("Unknown policy '").append(policy).append("'. Known policies: ")
                .append(policies()).append('.');
        String hint = unconfiguredHints.get(policy);
        if (hint != null) {
            message.append(" Policy '").append(policy).append("' is built in but not configured: ").append(hint);
        }
        else {
            String nearest = NearestNames.nearest(policy, policies());
            if (nearest != null) {
                message.append(" Did you mean '").append(nearest).append("'?");
            }
        }
        return new UnknownPolicyException(policy, message.toString());
    }
}
