package io.policyauth.remote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.Sha256;

/**
 * What is sent to an authorizer: the headers to copy and the JSON fields
 * {@code user, pass, uri, method, body}. {@link #toString()} shows no header value, password or body.
 *
 * @param headers headers to send, by name, in order; holds credentials
 * @param user the Basic user, or {@code null}
 * @param pass the Basic password, or {@code null}
 * @param uri the request path as handlers match it, with the query string as received
 * @param method the request method
 * @param body the request body as text, or {@code null} when not sent
 */
public record AuthorizerRequest(Map<String, List<String>> headers, @Nullable String user, @Nullable String pass,
        String uri,
        String method, @Nullable String body) {

    public AuthorizerRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(method, "method");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /**
     * The JSON document to POST; absent values are left out.
     *
     * @return field name to value, in contract order
     */
    public Map<String, String> jsonFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (user != null) {
            fields.put("user", user);
            fields.put("pass", pass);
        }
        fields.put("uri", uri);
        fields.put("method", method);
        if (body != null) {
            fields.put("body", body);
        }
        return fields;
    }

    /**
     * A SHA-256 of everything sent, so that answers can be cached per credential and request
     * without keeping a credential in memory.
     *
     * @return the digest, Base64 (URL-safe, unpadded)
     */
    public String fingerprint() {
        MessageDigest digest = Sha256.digest();
        headers.forEach((name, values) -> {
            update(digest, name.toLowerCase(java.util.Locale.ROOT));
            values.forEach(value -> update(digest, value));
        });
        List<String> fields = new ArrayList<>();
        jsonFields().forEach((name, value) -> {
            fields.add(name);
            fields.add(value);
        });
        fields.forEach(field -> update(digest, field));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
    }

    // Length-prefixed, so that ("ab", "c") and ("a", "bc") never collide.
    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(text == null ? -1 : bytes.length).array());
        digest.update(bytes);
    }

    @Override
    public String toString() {
        return "AuthorizerRequest[headers=" + headers.keySet() + ", user=" + user + ", uri=" + uri + ", method="
                + method + ", body=" + (body == null ? "none" : body.length() + " chars") + "]";
    }
}
