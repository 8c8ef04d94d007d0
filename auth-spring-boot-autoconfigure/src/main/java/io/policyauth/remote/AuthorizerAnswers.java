package io.policyauth.remote;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an authorizer's HTTP answer. A grant must be a JSON object with a {@code roles} array of
 * strings; a denial's body is optional, its status decides. Anything else is malformed.
 */
final class AuthorizerAnswers {

    /** Thrown for an answer that is neither a well-formed grant nor a denial. */
    static final class MalformedAnswerException extends RuntimeException {

        MalformedAnswerException(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonMapper json;

    AuthorizerAnswers() {
        // A repeated key could make two readers see two different grants: refuse it.
        this.json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /**
     * @param fields the request document
     * @return the JSON bytes
     */
    byte[] write(Object fields) {
        return json.writeValueAsBytes(fields);
    }

    /**
     * @param status the HTTP status
     * @param body the answer body, possibly empty
     * @return the answer
     * @throws MalformedAnswerException when the status is not a decision or a grant is malformed;
     *         the message names what is wrong, never the body
     */
    AuthorizerAnswer read(int status, byte[] body) {
        if (status == AuthorizerAnswer.GRANTED) {
            JsonNode answer = object(body);
            if (answer == null) {
                throw new MalformedAnswerException("a 200 answer is not a JSON object");
            }
            return new AuthorizerAnswer(status, subject(answer), strings(answer, "roles", true),
                    strings(answer, "scopes", false), null);
        }
        if (status >= 400 && status < 500) {
            return new AuthorizerAnswer(status, null, List.of(), List.of(), error(body));
        }
        if (status >= 500) {
            throw new MalformedAnswerException("status " + status + ": the authorizer failed");
        }
        // 1xx, other 2xx and 3xx (redirects are not followed: credentials must not travel on).
        throw new MalformedAnswerException("status " + status + " is not a decision");
    }

    private @Nullable JsonNode object(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

    private static @Nullable String subject(JsonNode answer) {
        for (String field : new String[] {"sub", "user"}) {
            JsonNode value = answer.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isString() || value.stringValue().isBlank()) {
                throw new MalformedAnswerException("\"" + field + "\" is not a non-blank string");
            }
            return value.stringValue();
        }
        return null;
    }

    private static List<String> strings(JsonNode answer, String field, boolean required) {
        JsonNode value = answer.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new MalformedAnswerException("a 200 answer has no \"" + field + "\" array");
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw new MalformedAnswerException("\"" + field + "\" is not an array");
        }
        List<String> strings = new ArrayList<>(value.size());
        for (JsonNode element : value.values()) {
            if (!element.isString() || element.stringValue().isBlank()) {
                throw new MalformedAnswerException("\"" + field + "\" holds something other than non-blank strings");
            }
            strings.add(element.stringValue());
        }
        return strings;
    }

    // A denial stands whatever its body: the status decides, the reason is a courtesy.
    private String error(byte[] body) {
        JsonNode answer = object(body);
        JsonNode error = answer == null ? null : answer.get("error");
        return error != null && error.isString() ? error.stringValue() : null;
    }
}
