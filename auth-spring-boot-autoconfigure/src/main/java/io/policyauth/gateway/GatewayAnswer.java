package io.policyauth.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.policyauth.web.ProblemResponse;

/**
 * What a gateway endpoint answers, for a web front to write as it is.
 *
 * @param status the HTTP status
 * @param headers header names and values, in order
 * @param contentType the body's media type, or {@code null} without a body
 * @param body the body, empty for none
 */
public record GatewayAnswer(int status, List<Map.Entry<String, String>> headers, @Nullable String contentType,
        byte[] body) {

    private static final Map.Entry<String, String> NO_STORE = Map.entry("Cache-Control", "no-store");

    public GatewayAnswer {
        headers = List.copyOf(headers);
    }

    static GatewayAnswer problem(ProblemResponse problem) {
        return new GatewayAnswer(problem.status(), problem.headers(), ProblemResponse.PROBLEM_JSON, problem.body());
    }

    static GatewayAnswer bodiless(int status, List<Map.Entry<String, String>> headers) {
        return new GatewayAnswer(status, withNoStore(headers), null, new byte[0]);
    }

    static GatewayAnswer json(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        return new GatewayAnswer(status, withNoStore(headers), "application/json", body);
    }

    private static List<Map.Entry<String, String>> withNoStore(List<Map.Entry<String, String>> headers) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers.size() + 1);
        all.add(NO_STORE);
        all.addAll(headers);
        return all;
    }
}
