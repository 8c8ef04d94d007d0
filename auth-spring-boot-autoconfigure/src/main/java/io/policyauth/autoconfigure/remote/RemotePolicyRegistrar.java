package io.policyauth.autoconfigure.remote;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import io.policyauth.core.RequestBodySource;
import io.policyauth.core.AuthExecutor;

/**
 * Registers one remote policy bean per {@code policy-auth.remote} entry, so that
 * the registry finds each as an ordinary policy bean. The beans are created, and their settings
 * validated, with the other singletons.
 */
final class RemotePolicyRegistrar implements ImportBeanDefinitionRegistrar {

    /** Prefix of the registered bean names; the policy name follows. */
    static final String BEAN_NAME_PREFIX = "policyAuthRemote.";

    private final Environment environment;
    private final BeanFactory beanFactory;

    RemotePolicyRegistrar(Environment environment, BeanFactory beanFactory) {
        this.environment = environment;
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        RemotePolicies.bind(environment).forEach((name, remote) -> {
            RootBeanDefinition definition = new RootBeanDefinition(AuthExecutor.class,
                    () -> RemotePolicies.executor(name, remote, beanFactory.getBeanProvider(RequestBodySource.class)
                            .getIfAvailable(() -> RequestBodySource.NONE)));
            registry.registerBeanDefinition(BEAN_NAME_PREFIX + name, definition);
        });
    }
}
