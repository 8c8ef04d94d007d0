package io.policyauth.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The resource a handler acts on, checked by the resource engine ({@code policy-auth.resources})
 * after the handler's policy admitted the caller: its attributes come from the application's
 * {@code ResourceAttributes} bean for the kind; an unknown resource is 404; a refusal is
 * {@code policy-auth.resources.deny-status} (403, or 404 to hide that it exists).
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresResource {

    /**
     * @return the kind of resource, such as {@code "document"}
     */
    String kind();

    /**
     * @return the path variable holding its id, such as {@code "{documentId}"}
     */
    String id();

    /**
     * @return the action; empty for the one the request's method maps to
     *         ({@code policy-auth.resources.actions})
     */
    String action() default "";
}
