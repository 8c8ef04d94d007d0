package io.policyauth.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Matches while {@code policy-auth.enabled} is not {@code false}: the master switch every
 * policy-auth auto-configuration obeys.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@ConditionalOnBooleanProperty(name = "policy-auth.enabled", matchIfMissing = true)
public @interface ConditionalOnPolicyAuthEnabled {
}
