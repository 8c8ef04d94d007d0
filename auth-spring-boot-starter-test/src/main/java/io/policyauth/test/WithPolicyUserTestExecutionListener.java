package io.policyauth.test;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;

/**
 * Puts the {@link WithPolicyUser} of the test method, else of its class (or an enclosing class of a
 * {@code @Nested} one), in place before the method and its {@code @BeforeEach} run, and removes it after.
 */
public final class WithPolicyUserTestExecutionListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return DependencyInjectionTestExecutionListener.ORDER + 100;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        WithPolicyUser annotation = find(testContext);
        if (annotation != null) {
            testContext.getApplicationContext().getBean(PolicyUsers.class).startTestMethod(new PolicyUser(
                    annotation.subject(), List.of(annotation.scopes()), List.of(annotation.roles()),
                    annotation.tenant(), List.of(annotation.permissions())));
        }
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (find(testContext) != null) {
            testContext.getApplicationContext().getBean(PolicyUsers.class).endTestMethod();
        }
    }

    private static @Nullable WithPolicyUser find(TestContext testContext) {
        WithPolicyUser onMethod = AnnotatedElementUtils.findMergedAnnotation(testContext.getTestMethod(),
                WithPolicyUser.class);
        return onMethod != null ? onMethod
                : TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), WithPolicyUser.class);
    }
}
