package io.policyauth.test;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Where a test's {@link PolicyUser} is found while a request is decided: the request attribute
 * that {@code policyUser(...)} sets, else the user of the running test method's
 * {@link WithPolicyUser}. Both reach only requests handled on the test's own thread, as
 * {@code MockMvc} handles them; requests to a real server carry real credentials.
 */
public final class PolicyUsers {

    /** The request attribute holding the {@link PolicyUser} of one request. */
    public static final String REQUEST_ATTRIBUTE = PolicyUser.class.getName();

    /* Per thread, so that tests run in parallel against one cached context do not see each other's user. */
    private final ThreadLocal<PolicyUser> ofTestMethod = new ThreadLocal<>();

    /**
     * @return the user the current request is answered with, or {@code null} to check its credentials
     */
    public @Nullable PolicyUser current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object user = request == null ? null : request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return user instanceof PolicyUser policyUser ? policyUser : ofTestMethod.get();
    }

    void startTestMethod(PolicyUser user) {
        ofTestMethod.set(user);
    }

    void endTestMethod() {
        ofTestMethod.remove();
    }
}
