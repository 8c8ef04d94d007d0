package io.policyauth.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when a list property has at least one element, written either as a YAML list / indexed
 * properties ({@code name[0]=...}), as one comma-separated value or as an environment variable. A
 * built-in policy uses it to register only when its backend is configured.
 * <p>
 * Blank elements count ({@code name= , } is a list of two): a value that is set but mistyped then
 * reaches the policy's validation and fails the start, instead of silently leaving the policy off.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnNonEmptyListCondition.class)
public @interface ConditionalOnNonEmptyList {

    /**
     * @return the full property name, for example {@code policy-auth.internal.allowed-cidrs}
     */
    String value();
}
