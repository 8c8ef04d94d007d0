package io.policyauth.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where policies are composed: small factories that return the {@link AuthExecutor}
 * interface, as Spring Security's {@code AuthorizationManagers} do. Readers learn what a composed
 * policy is from {@link AuthExecutor#describe()}, never from its type.
 */
public final class Policies {

    private Policies() {
    }

    /**
     * @param name the composite's name
     * @param members the policies to try, in order; at least one
     * @return a policy that passes when any member passes (see {@code AnyOfExecutor} for which
     *         failure wins when none does)
     */
    public static AuthExecutor anyOf(String name, List<AuthExecutor> members) {
        return new AnyOfExecutor(name, members);
    }

    /**
     * @param name the composite's name
     * @param members the policies that must all pass, in order; at least one
     * @return a policy that passes when every member passes; the caller is the first member's
     *         user that is not anonymous
     */
    public static AuthExecutor allOf(String name, List<AuthExecutor> members) {
        return new AllOfExecutor(name, members);
    }

    /**
     * The policy a handler or route naming several policies gets: the one policy itself, or an
     * any-of composite named {@link #anyOfName(List)}.
     *
     * @param members one or more policies
     * @return the policy
     */
    public static AuthExecutor anyOf(List<AuthExecutor> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        return anyOf(anyOfName(members.stream().map(AuthExecutor::policy).toList()), members);
    }

    /**
     * @param names policy names, in order
     * @return the name of their any-of: {@code a|b}
     */
    public static String anyOfName(List<String> names) {
        return String.join("|", names);
    }

    /**
     * @param executor the policy that authenticates
     * @param requirements scopes, roles and permissions the caller must also hold, no step-up
     * @return the policy itself when nothing is required, else the policy checked for them
     * @throws IllegalArgumentException when the requirements hold a step-up, which needs a clock
     */
    public static AuthExecutor withRequirements(AuthExecutor executor, Requirements requirements) {
        return requirements.isEmpty() ? executor : new RequirementsExecutor(executor, requirements, null);
    }

    /**
     * @param executor the policy that authenticates
     * @param requirements what the caller must also hold, a step-up included
     * @param clock the application's clock, which a step-up's {@code max-age} is judged by
     * @return the policy itself when nothing is required, else the policy checked for them
     */
    public static AuthExecutor withRequirements(AuthExecutor executor, Requirements requirements, Clock clock) {
        return requirements.isEmpty() ? executor : new RequirementsExecutor(executor, requirements, clock);
    }

    /**
     * @param executor an endpoint's policy
     * @param isolation the tenant sources and cross-tenant roles
     * @param binding the endpoint's binding
     * @return the policy itself when the binding isolates nothing, else the policy admitting only
     *         callers of the tenant a request names (and cross-tenant roles)
     */
    public static AuthExecutor isolated(AuthExecutor executor, TenantIsolation isolation, TenantBinding binding) {
        return binding.isIsolated() ? new TenantIsolatedExecutor(executor, isolation, binding) : executor;
    }

    /**
     * @param executor a policy that authenticates callers
     * @param resolver adds the permissions of a caller's roles
     * @return the policy whose callers hold their resolved permissions; a policy with requirements
     *         of its own has them resolved before its requirements are checked
     */
    public static AuthExecutor resolvingPermissions(AuthExecutor executor, PermissionResolver resolver) {
        if (executor instanceof RequirementsExecutor required) {
            return required.resolvingBelow(resolver);
        }
        return new PermissionResolvingExecutor(executor, resolver);
    }

    /**
     * @param definition a policy defined from other policies
     * @param members the members' executors, in the definition's order
     * @param clock the application's clock, for a step-up the definition requires
     * @return the defined policy
     */
    public static AuthExecutor of(PolicyDefinition definition, List<AuthExecutor> members, Clock clock) {
        AuthExecutor composite = definition.combination() == PolicyDefinition.Combination.ANY_OF
                ? anyOf(definition.name(), members) : allOf(definition.name(), members);
        return withRequirements(composite, definition.requirements(), clock);
    }

    /**
     * The distinct leaf policies under some policies, each once however many composites name it:
     * those are what must be activated.
     *
     * @param roots the policies
     * @return leaf name to executor, in first-seen order
     */
    public static Map<String, AuthExecutor> leaves(List<AuthExecutor> roots) {
        Map<String, AuthExecutor> leaves = new LinkedHashMap<>();
        List<AuthExecutor> pending = new ArrayList<>(roots);
        while (!pending.isEmpty()) {
            AuthExecutor executor = pending.remove(0);
            PolicyDescription description = executor.describe();
            if (description.isComposite()) {
                pending.addAll(0, description.members());
            }
            else {
                leaves.putIfAbsent(description.name(), executor);
            }
        }
        return leaves;
    }
}
