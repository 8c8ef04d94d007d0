package io.policyauth.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthException;
import io.policyauth.core.Challenge;
import io.policyauth.core.Denial;
import io.policyauth.core.DenialKind;

/**
 * Writes denials as RFC 9457 {@code application/problem+json} with {@code WWW-Authenticate}
 * (RFC 6750 / RFC 9110) and {@code Retry-After} where they apply. Bodies carry the exception's
 * client-safe detail and the policy name, never anything from the request.
 */
public class ProblemResponseWriter {

    /** The media type of every error body. */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Prefix of the problem {@code type} URIs. */
    public static final String TYPE_PREFIX = "urn:policy-auth:problem:";

    /**
     * Writes the response for a denial.
     *
     * @param response the response, not yet committed
     * @param failure the denial
     * @param policy the policy that denied, as named on the handler
     * @throws IOException when the body cannot be written
     */
    public void write(HttpServletResponse response, AuthException failure, String policy) throws IOException {
        Denial denial = failure.denial();
        for (Challenge challenge : denial.challenges()) {
            response.addHeader("WWW-Authenticate", render(challenge));
        }
        if (denial.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, denial.retryAfter().toSeconds())));
        }
        DenialKind kind = denial.kind();
        writeBody(response, kind.status(), kind.problemType(), kind.title(), denial.detail(), policy);
    }

    /**
     * Writes the response for an unexpected failure while deciding: a generic 500, access denied.
     *
     * @param response the response, not yet committed
     * @param policy the policy that failed
     * @throws IOException when the body cannot be written
     */
    public void writeError(HttpServletResponse response, String policy) throws IOException {
        writeBody(response, 500, "error", "Authorization error", "The request could not be authorized.", policy);
    }

    /**
     * Writes a problem that is no policy's decision (a request refused before any policy runs).
     *
     * @param response the response, not yet committed
     * @param status the status
     * @param type the problem type, after {@value #TYPE_PREFIX}
     * @param title the problem title
     * @param detail the client-safe detail
     * @param policy the policy concerned, or {@code null}
     * @throws IOException when the body cannot be written
     */
    public void writeBody(HttpServletResponse response, int status, String type, String title, String detail,
            @Nullable String policy) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(PROBLEM_JSON);
        String body = "{\"type\":" + quote(TYPE_PREFIX + type) + ",\"title\":" + quote(title)
                + ",\"status\":" + status + ",\"detail\":" + quote(detail) + ",\"policy\":"
                + quote(policy) + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * Renders a challenge as an RFC 9110 {@code WWW-Authenticate} value.
     *
     * @param challenge the challenge
     * @return for example {@code Bearer error="invalid_token"}
     */
    static String render(Challenge challenge) {
        StringBuilder value = new StringBuilder(challenge.scheme());
        String separator = " ";
        for (Map.Entry<String, String> param : challenge.params().entrySet()) {
            value.append(separator).append(param.getKey()).append("=\"");
            for (char c : param.getValue().toCharArray()) {
                if (c == '"' || c == '\\') {
                    value.append('\\');
                }
                value.append(c < 0x20 || c == 0x7f ? ' ' : c);
            }
            value.append('"');
            separator = ", ";
        }
        return value.toString();
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
