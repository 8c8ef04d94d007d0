package io.policyauth.test;

import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the test support's beans ({@link TestTokens}, {@link TestKeyPairs}, policy users) to every
 * Spring test context. Spring's TestContext framework is the only reader of this factory (listed in
 * this module's {@code META-INF/spring.factories}), so an application started any other way never
 * has them, and this module is a test-scoped dependency, absent from the application's runtime.
 */
public final class PolicyAuthTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** One for every test class; equal to one another, so contexts stay cached as before. */
    private static final class Customizer implements ContextCustomizer {

        private static final String BEAN_NAME = "io.policyauth.test.PolicyAuthTestConfiguration";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry
                    && !registry.containsBeanDefinition(BEAN_NAME)) {
                registry.registerBeanDefinition(BEAN_NAME, new RootBeanDefinition(PolicyAuthTestConfiguration.class));
            }
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
