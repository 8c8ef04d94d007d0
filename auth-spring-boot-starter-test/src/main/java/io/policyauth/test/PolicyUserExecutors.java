package io.policyauth.test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.PolicyDescription;

/**
 * Lets a test answer the credential check of every registered policy bean with a
 * {@link PolicyUser}. The {@code public} policy is left as it is: it checks no credential.
 */
final class PolicyUserExecutors implements BeanPostProcessor {

    private final ObjectProvider<PolicyUsers> users;

    PolicyUserExecutors(ObjectProvider<PolicyUsers> users) {
        this.users = users;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AuthExecutor executor && !(bean instanceof PolicyUserExecutor)
                && !PolicyDescription.PUBLIC.equals(executor.describe().kind())) {
            return new PolicyUserExecutor(executor, users.getObject());
        }
        return bean;
    }
}
