package io.policyauth.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;

import io.policyauth.core.AnyOfExecutor;
import io.policyauth.core.AuthExecutor;

/**
 * At start, resolves the policy of every mapped handler method, so a name that is not registered
 * stops the application before it serves, and activates each policy that is in use.
 */
public class PolicyMappingVerifier implements SmartInitializingSingleton {

    private static final Logger logger = LoggerFactory.getLogger(PolicyMappingVerifier.class);

    private final Supplier<? extends Collection<AbstractHandlerMethodMapping<?>>> mappings;
    private final HandlerPolicies policies;

    /**
     * @param mappings every handler method mapping of the application, asked for once all singletons exist
     * @param policies the per-handler policies
     */
    public PolicyMappingVerifier(Supplier<? extends Collection<AbstractHandlerMethodMapping<?>>> mappings,
            HandlerPolicies policies) {
        this.mappings = mappings;
        this.policies = policies;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, AuthExecutor> inUse = new LinkedHashMap<>();
        for (AbstractHandlerMethodMapping<?> mapping : mappings.get()) {
            for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
                HandlerPolicy policy = policies.forHandlerMethod(handler);
                if (!policy.exempt()) {
                    collectLeaves(policy.executor(), inUse);
                }
            }
        }
        logger.debug("policy-auth policies in use: {}", inUse.keySet());
        inUse.values().forEach(AuthExecutor::activate);
    }

    // Members of composites are activated themselves, once each, however many composites name them.
    private static void collectLeaves(AuthExecutor executor, Map<String, AuthExecutor> leaves) {
        if (executor instanceof AnyOfExecutor anyOf) {
            anyOf.members().forEach(member -> collectLeaves(member, leaves));
        }
        else {
            leaves.putIfAbsent(executor.policy(), executor);
        }
    }
}
