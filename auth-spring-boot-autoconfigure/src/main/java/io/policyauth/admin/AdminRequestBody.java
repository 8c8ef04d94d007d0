package io.policyauth.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object sent to the admin API, read strictly: an object, no duplicate or unknown field,
 * each field of the type asked for. Every fault is an {@link InvalidBodyException} saying which.
 */
final class AdminRequestBody {

    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode document;

    private AdminRequestBody(JsonNode document) {
        this.document = document;
    }

    static AdminRequestBody parse(byte @Nullable [] body, Set<String> fields) {
        if (body == null || body.length == 0) {
            throw new InvalidBodyException("The request needs a JSON object.");
        }
        JsonNode document;
        try {
            document = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        }
        catch (JacksonException malformed) {
            throw new InvalidBodyException("The body is not valid JSON.");
        }
        if (document == null || !document.isObject()) {
            throw new InvalidBodyException("The request needs a JSON object.");
        }
        for (Map.Entry<String, JsonNode> property : document.properties()) {
            String name = property.getKey();
            if (!fields.contains(name)) {
                throw new InvalidBodyException("Unknown field '" + name + "'; the fields are " + fields + ".");
            }
        }
        return new AdminRequestBody(document);
    }

    List<String> strings(String field) {
        JsonNode value = document.get(field);
        if (value == null || !value.isArray()) {
            throw new InvalidBodyException("'" + field + "' must be an array of strings.");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw new InvalidBodyException("'" + field + "' must be an array of strings.");
            }
            strings.add(item.stringValue());
        }
        return strings;
    }

    @Nullable String optionalString(String field) {
        JsonNode value = document.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidBodyException("'" + field + "' must be a string.");
        }
        return value.stringValue();
    }

    /** A body the admin API cannot read: 400. */
    static final class InvalidBodyException extends RuntimeException {

        InvalidBodyException(String message) {
            super(message, null, false, false);
        }
    }
}
