package io.policyauth.web.servlet;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.web.PolicyResponse;

/**
 * Writes what policy-auth answers itself (refusals, the gateway's answers) to a servlet response:
 * the one writer of the Spring MVC front, which also logs a policy's unexpected failure.
 */
public class ServletResponseWriter {

    private static final Logger logger = LoggerFactory.getLogger(ServletResponseWriter.class);

    /**
     * @param response the response, not yet committed
     * @param answer what to answer
     * @throws IOException when the body cannot be written
     */
    public void write(HttpServletResponse response, PolicyResponse answer) throws IOException {
        if (answer.failure() != null) {
            logger.error("A policy failed unexpectedly; the request is refused ({})", answer.status(),
                    answer.failure());
        }
        response.setStatus(answer.status());
        for (Map.Entry<String, String> header : answer.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        }
    }
}
