package io.policyauth.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The policy a controller class or handler method requires. On a method it replaces the class's
 * annotation entirely (policy and requirements). Several names mean "any of these": they are tried
 * in order and the first that passes admits the request. Handlers without it get a matching
 * {@code policy-auth.routes} rule, else {@code policy-auth.default-policy}. A name that is not
 * registered stops the application at start. Usable as a meta-annotation.
 *
 * <p>{@link #scopes()} and {@link #roles()} are all required: the caller must hold every listed
 * scope and every listed role, or gets 403 {@code insufficient_scope}. Granted scopes may use
 * segment wildcards ({@code orders:*} grants {@code orders:write}); required scopes may not. So do
 * {@link #permissions()}, held through the caller's roles (403 {@code insufficient_permission}).
 *
 * <p>{@link #acr()} and {@link #maxAge()} ask for a step-up (RFC 9470): a bearer token whose
 * {@code acr} is one of those listed and whose {@code auth_time} is recent enough, else 401
 * {@code insufficient_user_authentication} with {@code acr_values} and {@code max_age}.
 *
 * <p>Under {@code policy-auth.tenancy}, a request to an endpoint whose policy is not {@code public}
 * and that names a tenant admits only callers of that tenant (and cross-tenant roles);
 * {@link #tenant()} says which path variable names it, or opts the endpoint out.
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

    /**
     * Scopes the caller must all hold, for example {@code "orders:write"}.
     *
     * @return the required scopes
     */
    String[] scopes() default {};

    /**
     * Roles the caller must all hold, for example {@code "admin"}.
     *
     * @return the required roles
     */
    String[] roles() default {};

    /**
     * Permissions the caller must all hold, for example {@code "invoices:write"}: those of its
     * roles, platform and tenant-defined (see {@code policy-auth.tenancy}).
     *
     * @return the required permissions
     */
    String[] permissions() default {};

    /**
     * Under tenancy, the path variable naming the tenant a request targets, as {@code "{orgId}"}
     * (it must be in the endpoint's pattern), or {@code "none"} to opt the endpoint out of tenant
     * isolation. Empty: the configured {@code policy-auth.tenancy.path-variable}, header and
     * subdomain.
     *
     * @return the tenant binding
     */
    String tenant() default "";

    /**
     * Authentication context classes any of which the token's {@code acr} must be, for example
     * {@code "urn:example:mfa"}.
     *
     * @return the accepted classes; empty for any
     */
    String[] acr() default {};

    /**
     * The most time since the caller authenticated (the token's {@code auth_time}), as {@code "5m"},
     * {@code "PT5M"} or a bare number of seconds.
     *
     * @return the maximum age; empty for no limit
     */
    String maxAge() default "";

    /**
     * A limit of {@code policy-auth.rate-limits} the endpoint's callers are counted against, once the
     * policy admitted them; over it, 429.
     *
     * @return the limit's name; empty for none
     */
    String rateLimit() default "";

    /**
     * @return what one request to the endpoint takes from its rate limit
     */
    long cost() default 1;
}
