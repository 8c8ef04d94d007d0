package io.policyauth.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Endpoints policy-auth answers itself, on either web stack, before any handler and without the
 * application's filters having a say: the gateway's and the tenant admin API. A front asks which
 * request is for them, reads the body when asked, and writes the {@link PolicyResponse}.
 */
public interface DirectEndpoints {

    /**
     * @param rawPath a request's raw path within the application
     * @return the endpoint it asks for, its path after the endpoints' own path, or {@code null}
     *         when it is not for these endpoints
     */
    @Nullable String endpoint(String rawPath);

    /**
     * @param endpoint an endpoint, as {@link #endpoint} gave it
     * @param method the request's method
     * @return whether the front must read the body into {@link EndpointRequest#body()}
     */
    boolean readsBody(String endpoint, String method);

    /**
     * @return the most body bytes an endpoint reads; a front reads one more to tell a larger body
     */
    int maxBodyBytes();

    /**
     * @return whether answering may wait on I/O, so a non-blocking front must answer off its event loop
     */
    boolean mayBlock();

    /**
     * @param endpoint an endpoint, as {@link #endpoint} gave it, whose body the front read
     * @return the answer to a request whose body the client did not send in time (408)
     */
    default PolicyResponse bodyTimedOut(String endpoint) {
        return PolicyResponse.problem(408, "body-timeout", "Request body not received in time",
                "The request body did not arrive in time.", null);
    }

    /**
     * @param request a request to an endpoint
     * @return the answer; never an exception
     */
    PolicyResponse answer(EndpointRequest request);

    /**
     * @return the endpoints as the policy map lists them
     */
    List<MappedPolicy> mappedPolicies();
}
