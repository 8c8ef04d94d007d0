package io.policyauth.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every {@code MockMvc} request of the annotated test method, or of every test method of the
 * annotated class, is answered by the endpoint's policy as if this user had presented a valid
 * credential: no token, no key, no MongoDB. The scopes and roles the endpoint and its policy
 * require are still checked against the user, so a missing one is still a 403. The same as
 * {@code with(policyUser(subject)...)} on each request; a request's own {@code policyUser} wins.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface WithPolicyUser {

    /**
     * @return who the caller is
     */
    String subject() default IdentitySpec.DEFAULT_SUBJECT;

    /**
     * @return the scopes it holds
     */
    String[] scopes() default {};

    /**
     * @return the roles it holds
     */
    String[] roles() default {};

    /**
     * @return the permissions it holds directly (under tenancy, those of its roles are added)
     */
    String[] permissions() default {};

    /**
     * @return its tenant; empty for none
     */
    String tenant() default "";
}
