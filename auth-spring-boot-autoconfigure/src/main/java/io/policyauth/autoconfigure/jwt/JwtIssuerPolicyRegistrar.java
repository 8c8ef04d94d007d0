package io.policyauth.autoconfigure.jwt;

import java.util.Map;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import io.policyauth.core.AuthExecutor;
import io.policyauth.jwt.PrivateExecutor;

/**
 * Registers the policy {@code private:<name>} for each {@code policy-auth.jwt.issuers.<name>}:
 * it admits only that issuer's tokens. Registered as beans so that the registry finds them as it
 * finds every policy.
 */
final class JwtIssuerPolicyRegistrar implements ImportBeanDefinitionRegistrar {

    private final Environment environment;
    private final BeanFactory beanFactory;

    JwtIssuerPolicyRegistrar(Environment environment, BeanFactory beanFactory) {
        this.environment = environment;
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Binder.get(environment).bind(JwtIssuers.ISSUERS, Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of()).keySet().forEach(name -> registry.registerBeanDefinition(
                        "policyAuthJwtIssuer." + name, new RootBeanDefinition(AuthExecutor.class,
                                () -> new PrivateExecutor(PrivateExecutor.POLICY + ":" + name,
                                        beanFactory.getBean(JwtIssuers.class).named(name)))));
    }
}
