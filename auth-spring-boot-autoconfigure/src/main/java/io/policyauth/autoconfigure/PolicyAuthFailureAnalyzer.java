package io.policyauth.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.policyauth.core.PolicyAuthConfigurationException;

/**
 * Reports a configuration policy-auth cannot start with as Spring Boot's "APPLICATION FAILED TO
 * START": what is wrong (naming the property, annotation or handler) and what to do, instead of a
 * stack trace or the bottom of a chain of {@code Caused by}.
 */
final class PolicyAuthFailureAnalyzer extends AbstractFailureAnalyzer<PolicyAuthConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PolicyAuthConfigurationException cause) {
        return new FailureAnalysis("policy-auth: " + cause.getMessage(), cause.action(), cause);
    }
}
