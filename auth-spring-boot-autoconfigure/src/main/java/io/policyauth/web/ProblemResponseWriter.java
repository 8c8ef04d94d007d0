package io.policyauth.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;


import io.policyauth.core.AuthException;

/**
 * Writes refusals to a servlet response as {@link ProblemResponse}s: RFC 9457
 * {@code application/problem+json} with {@code WWW-Authenticate} and {@code Retry-After} where they
 * apply.
 */
public class ProblemResponseWriter {

    /**
     * Writes the response for a denial.
     *
     * @param response the response, not yet committed
     * @param failure the denial
     * @param policy the policy that denied, as named on the handler
     * @throws IOException when the body cannot be written
     */
    public void write(HttpServletResponse response, AuthException failure, String policy) throws IOException {
        write(response, ProblemResponse.of(failure, policy));
    }

    /**
     * Writes the response for an unexpected failure while deciding: a generic 500, access denied.
     *
     * @param response the response, not yet committed
     * @param policy the policy that failed
     * @throws IOException when the body cannot be written
     */
    public void writeError(HttpServletResponse response, String policy) throws IOException {
        write(response, ProblemResponse.error(policy));
    }

    private static void write(HttpServletResponse response, ProblemResponse problem) throws IOException {
        response.setStatus(problem.status());
        for (Map.Entry<String, String> header : problem.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        response.setContentType(ProblemResponse.PROBLEM_JSON);
        response.setContentLength(problem.body().length);
        response.getOutputStream().write(problem.body());
    }
}
