package io.policyauth.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthException;
import io.policyauth.core.Challenge;
import io.policyauth.core.Denial;
import io.policyauth.core.DenialKind;

/**
 * A refusal as it goes on the wire, on any web stack: status, headers ({@code WWW-Authenticate}
 * per RFC 6750 / RFC 9110, {@code Retry-After}, {@code Cache-Control: no-store}) and an RFC 9457
 * {@code application/problem+json} body with the exception's client-safe detail and the policy
 * name, never anything from the request.
 *
 * @param status the HTTP status
 * @param headers header name and value pairs, in order; a name may repeat
 * @param body the problem document, UTF-8
 */
public record ProblemResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /** The media type of every error body. */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Prefix of the problem {@code type} URIs. */
    public static final String TYPE_PREFIX = "urn:policy-auth:problem:";

    public ProblemResponse {
        headers = List.copyOf(headers);
    }

    /**
     * @param failure a denial
     * @param policy the policy that denied, as named on the handler
     * @return its response
     */
    public static ProblemResponse of(AuthException failure, String policy) {
        Denial denial = failure.denial();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Challenge challenge : denial.challenges()) {
            headers.add(Map.entry("WWW-Authenticate", render(challenge)));
        }
        if (denial.retryAfter() != null) {
            headers.add(Map.entry("Retry-After", Long.toString(Math.max(1, denial.retryAfter().toSeconds()))));
        }
        DenialKind kind = denial.kind();
        return of(kind.status(), kind.problemType(), kind.title(), denial.detail(), policy, headers);
    }

    /**
     * @param policy the policy that failed
     * @return a generic 500 for an unexpected failure while deciding: access denied
     */
    public static ProblemResponse error(String policy) {
        return of(500, "error", "Authorization error", "The request could not be authorized.", policy, List.of());
    }

    /**
     * A problem that is no policy's decision (a request refused before any policy runs).
     *
     * @param status the status
     * @param type the problem type, after {@value #TYPE_PREFIX}
     * @param title the problem title
     * @param detail the client-safe detail
     * @param policy the policy concerned, or {@code null}
     * @return the response
     */
    public static ProblemResponse of(int status, String type, String title, String detail, @Nullable String policy) {
        return of(status, type, title, detail, policy, List.of());
    }

    private static ProblemResponse of(int status, String type, String title, String detail, @Nullable String policy,
            List<Map.Entry<String, String>> challenges) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(challenges);
        headers.add(Map.entry("Cache-Control", "no-store"));
        String body = "{\"type\":" + quote(TYPE_PREFIX + type) + ",\"title\":" + quote(title)
                + ",\"status\":" + status + ",\"detail\":" + quote(detail) + ",\"policy\":"
                + quote(policy) + "}";
        return new ProblemResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
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

    private static String quote(@Nullable String text) {
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
