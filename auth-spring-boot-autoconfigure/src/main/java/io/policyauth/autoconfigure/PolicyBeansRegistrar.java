package io.policyauth.autoconfigure;

import java.util.Map;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import io.policyauth.core.AuthExecutor;

/**
 * Registers one policy bean per entry of a map property ({@code policy-auth.remote.<name>},
 * {@code policy-auth.jwt.issuers.<name>}), so that the registry finds each as it finds every
 * policy. The beans are created, and their settings validated, with the other singletons.
 *
 * @param <V> what an entry binds to
 */
public abstract class PolicyBeansRegistrar<V> implements ImportBeanDefinitionRegistrar {

    private final Environment environment;
    private final BeanFactory beanFactory;
    private final String beanNamePrefix;

    /**
     * @param environment where the entries are read, before the properties beans exist
     * @param beanFactory where the policies find what they need when they are created
     * @param beanNamePrefix the registered beans' names, the entry's name following
     */
    protected PolicyBeansRegistrar(Environment environment, BeanFactory beanFactory, String beanNamePrefix) {
        this.environment = environment;
        this.beanFactory = beanFactory;
        this.beanNamePrefix = beanNamePrefix;
    }

    /**
     * @param environment the environment
     * @return the entries by name
     */
    protected abstract Map<String, V> entries(Environment environment);

    /**
     * @param name the entry's name
     * @param entry the entry
     * @param beans the bean factory
     * @return the entry's policy
     */
    protected abstract AuthExecutor create(String name, V entry, BeanFactory beans);

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        entries(environment).forEach((name, entry) -> registry.registerBeanDefinition(beanNamePrefix + name,
                new RootBeanDefinition(AuthExecutor.class, () -> create(name, entry, beanFactory))));
    }
}
