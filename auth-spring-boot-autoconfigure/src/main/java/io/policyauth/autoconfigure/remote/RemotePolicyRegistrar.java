package io.policyauth.autoconfigure.remote;

import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.env.Environment;

import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.PolicyBeansRegistrar;
import io.policyauth.core.AuthExecutor;

/** Registers one remote policy bean per {@code policy-auth.remote} entry. */
final class RemotePolicyRegistrar extends PolicyBeansRegistrar<RemoteProperties.Remote> {

    /** Prefix of the registered bean names; the policy name follows. */
    static final String BEAN_NAME_PREFIX = "policyAuthRemote.";

    RemotePolicyRegistrar(Environment environment, BeanFactory beanFactory) {
        super(environment, beanFactory, BEAN_NAME_PREFIX);
    }

    @Override
    protected Map<String, RemoteProperties.Remote> entries(Environment environment) {
        return RemotePolicies.bind(environment);
    }

    @Override
    protected AuthExecutor create(String name, RemoteProperties.Remote remote, BeanFactory beans) {
        return RemotePolicies.executor(name, remote, ApplicationClock.of(beans.getBeanProvider(Clock.class)));
    }
}
