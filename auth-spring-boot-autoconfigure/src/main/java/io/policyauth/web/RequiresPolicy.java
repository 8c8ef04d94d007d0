package io.policyauth.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The policy a controller class or handler method requires. On a method it replaces the class's
 * policy. Several names mean "any of these": they are tried in order and the first that passes
 * admits the request. Handlers without it get {@code policy-auth.default-policy}. A name that is
 * not registered stops the application at start. Usable as a meta-annotation.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresPolicy {

    /**
     * One or more policy names, for example {@code "private"} or {@code {"private", "db_api_key"}}.
     *
     * @return the policy names
     */
    String[] value();
}
