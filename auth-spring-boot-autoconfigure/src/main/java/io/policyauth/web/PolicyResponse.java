package io.policyauth.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthException;
import io.policyauth.core.Challenge;
import io.policyauth.core.Decision;
import io.policyauth.core.Denial;
import io.policyauth.core.DenialKind;

/**
 * What policy-auth answers itself, as it goes on the wire, on any web stack and from every front
 * (the application's endpoints and the gateway's): status, headers and body. A refusal carries
 * {@code WWW-Authenticate} per RFC 6750 / RFC 9110, {@code Retry-After} and
 * {@code Cache-Control: no-store}, and an RFC 9457 {@code application/problem+json} body with the
 * denial's client-safe detail and the policy name, never anything from the request. Each stack has
 * one writer for it, which also logs the {@link #failure} of a policy that broke.
 *
 * @param status the HTTP status
 * @param headers header name and value pairs, in order; a name may repeat
 * @param contentType the body's media type, or {@code null} without a body
 * @param body the body, empty for none
 * @param failure what broke, for the writer to log (never written), or {@code null}
 */
public record PolicyResponse(int status, List<Map.Entry<String, String>> headers, @Nullable String contentType,
        byte[] body, @Nullable Throwable failure) {

    /** The media type of every error body. */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Prefix of the problem {@code type} URIs. */
    public static final String TYPE_PREFIX = "urn:policy-auth:problem:";

    private static final Map.Entry<String, String> NO_STORE = Map.entry("Cache-Control", "no-store");

    public PolicyResponse {
        headers = List.copyOf(headers);
    }

    /**
     * @param decision a refusal or a failure
     * @param policy the policy that decided, as the endpoint names it
     * @return its response: the denial's problem, or a generic 500 carrying the failure
     * @throws IllegalArgumentException for a grant, which has no response of policy-auth's own
     */
    public static PolicyResponse refusal(Decision decision, String policy) {
        if (decision instanceof Decision.Denied denied) {
            return denied(denied.exception(), policy);
        }
        if (decision instanceof Decision.Failed failed) {
            return failed(failed.failure(), policy);
        }
        throw new IllegalArgumentException("A grant is not a refusal");
    }

    /**
     * @param failure a denial
     * @param policy the policy that denied, as named on the handler
     * @return its response
     */
    public static PolicyResponse denied(AuthException failure, String policy) {
        Denial denial = failure.denial();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Challenge challenge : denial.challenges()) {
            headers.add(Map.entry("WWW-Authenticate", render(challenge)));
        }
        if (denial.retryAfter() != null) {
            headers.add(Map.entry("Retry-After", Long.toString(Math.max(1, denial.retryAfter().toSeconds()))));
        }
        headers.addAll(denial.headers().entrySet());
        DenialKind kind = denial.kind();
        return problem(kind.status(), kind.problemType(), kind.title(), denial.detail(), policy, headers, null);
    }

    /**
     * @param failure what broke while deciding
     * @param policy the policy that failed
     * @return a generic 500, access denied; the writer logs the failure
     */
    public static PolicyResponse failed(Throwable failure, String policy) {
        return problem(500, "error", "Authorization error", "The request could not be authorized.", policy,
                List.of(), failure);
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
    public static PolicyResponse problem(int status, String type, String title, String detail,
            @Nullable String policy) {
        return problem(status, type, title, detail, policy, List.of(), null);
    }

    /**
     * @param status the status
     * @param headers the headers, after {@code Cache-Control: no-store}
     * @return an answer without a body (a gateway's grant)
     */
    public static PolicyResponse bodiless(int status, List<Map.Entry<String, String>> headers) {
        return new PolicyResponse(status, withNoStore(headers), null, new byte[0], null);
    }

    /**
     * @param status the status
     * @param headers the headers, after {@code Cache-Control: no-store}
     * @param body a JSON document
     * @return a JSON answer (a contract's own, such as KX's)
     */
    public static PolicyResponse json(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        return new PolicyResponse(status, withNoStore(headers), "application/json", body, null);
    }

    /**
     * @param name a header's name
     * @param value its value
     * @return this answer with the header added
     */
    public PolicyResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new PolicyResponse(status, more, contentType, body, failure);
    }

    /**
     * @param broke what broke while answering
     * @return this answer, carrying the failure for the writer to log
     */
    public PolicyResponse failing(Throwable broke) {
        return new PolicyResponse(status, headers, contentType, body, broke);
    }

    private static PolicyResponse problem(int status, String type, String title, String detail,
            @Nullable String policy, List<Map.Entry<String, String>> challenges, @Nullable Throwable failure) {
        String body = "{\"type\":" + quote(TYPE_PREFIX + type) + ",\"title\":" + quote(title)
                + ",\"status\":" + status + ",\"detail\":" + quote(detail) + ",\"policy\":"
                + quote(policy) + "}";
        List<Map.Entry<String, String>> headers = new ArrayList<>(challenges);
        headers.add(NO_STORE);
        return new PolicyResponse(status, headers, PROBLEM_JSON, body.getBytes(StandardCharsets.UTF_8), failure);
    }

    private static List<Map.Entry<String, String>> withNoStore(List<Map.Entry<String, String>> headers) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers.size() + 1);
        all.add(NO_STORE);
        all.addAll(headers);
        return all;
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
