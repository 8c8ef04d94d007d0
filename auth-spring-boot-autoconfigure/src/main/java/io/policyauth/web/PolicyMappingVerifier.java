package io.policyauth.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.Policies;
import io.policyauth.core.PolicyAuthConfigurationException;

/**
 * At start, resolves the policy of every mapped endpoint, so a policy name that is not registered
 * stops the application before it serves; logs the policy map (DEBUG); and activates each policy
 * in use, once. What is open or exempt is said by the start-up report.
 */
public class PolicyMappingVerifier implements SmartInitializingSingleton {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Annotate the handler with @RequiresPolicy, add a policy-auth.routes "
            + "rule for it, or configure the default policy's backend.";

    private static final Logger logger = LoggerFactory.getLogger(PolicyMappingVerifier.class);

    private final PolicyMap policyMap;

    /**
     * @param policyMap the application's endpoints and policies
     */
    public PolicyMappingVerifier(PolicyMap policyMap) {
        this.policyMap = policyMap;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EffectivePolicies policies = policyMap.policies();
        List<MappedPolicy> entries = policyMap.entries();
        policies.defaultPolicyProblem().ifPresent(problem -> entries.stream()
                .filter(entry -> entry.source() == PolicySource.DEFAULT && entry.handlerMethod()).findFirst()
                .ifPresent(entry -> {
                    throw new PolicyAuthConfigurationException("Handler " + entry.handler() + " ("
                            + entry.method() + " " + entry.pattern() + ") has no @RequiresPolicy and no route "
                            + "rule, so it gets "
                            + "policy-auth.default-policy: " + problem
                            + " Or annotate the handler, or add a policy-auth.routes rule.", WHAT_TO_DO);
                }));
        if (logger.isDebugEnabled()) {
            entries.forEach(entry -> logger.debug("policy-auth map: {} {} -> {} {} ({}, {}) [{}]", entry.method(),
                    entry.pattern(), entry.policy(), entry.requirements(), entry.source(), entry.mode(),
                    entry.handler()));
        }
        activatePoliciesInUse(entries, policies);
    }

    // Members of composites are activated themselves, once each, however many composites name them.
    private void activatePoliciesInUse(List<MappedPolicy> entries, EffectivePolicies policies) {
        List<AuthExecutor> inUse = new ArrayList<>();
        inUse.add(policies.defaultPolicy().executor());
        for (MappedPolicy entry : entries) {
            if (entry.source() != PolicySource.EXEMPT) {
                entry.policy().forEach(name -> policies.resolve(name).ifPresent(inUse::add));
            }
        }
        Map<String, AuthExecutor> leaves = Policies.leaves(inUse);
        logger.debug("policy-auth policies in use: {}", leaves.keySet());
        leaves.values().forEach(AuthExecutor::activate);
    }
}
