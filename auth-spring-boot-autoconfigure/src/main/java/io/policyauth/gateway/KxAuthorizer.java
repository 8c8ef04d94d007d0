package io.policyauth.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.Decision;
import io.policyauth.core.Denial;
import io.policyauth.core.ForwardedBody;
import io.policyauth.core.RequestHeaders;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.web.EffectivePolicy;
import io.policyauth.web.EndpointRequest;
import io.policyauth.web.PolicyResponse;

/**
 * The KX Service Gateway's custom HTTP authorization, served: a {@code POST} of
 * {@code {user, pass, uri, method, body}} with the client's {@code Authorization} header and the
 * allow-listed headers, answered {@code 200 {"roles": [...]}} or a non-200 with
 * {@code {"error": "..."}}. The credential is the forwarded {@code Authorization} header when it
 * holds a bearer token, else {@code pass}: a bearer token when it is shaped as a JWT, otherwise an
 * API key, as KX IPC clients, which speak only user and password, put it there. A token taken
 * from {@code pass} must belong to {@code user} when one is named (403 otherwise), since KX goes on
 * believing {@code user}; an API key names no user to compare. A request without {@code uri} (an
 * IPC connection) gets the gateway's default policy; a {@code uri} without {@code method} is refused.
 * {@code body} is the request body for a policy that decides on it; without it, such a policy
 * refuses the request.
 */
final class KxAuthorizer {

    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,20}");
    private static final Pattern SCHEME_AND_AUTHORITY = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?]*");
    private static final String AUTHORIZATION = "Authorization";

    private final GatewayPolicies policies;
    private final JsonMapper json;
    private final String apiKeyHeader;
    private final int maxRequestBytes;
    private final boolean rejectAmbiguousPaths;

    /**
     * @param policies the gateway's policies, which decide the requests
     * @param apiKeyHeader the header the key policies read a key from
     * @param maxRequestBytes the largest authorization request read
     * @param rejectAmbiguousPaths whether ambiguous {@code uri}s are refused
     */
    KxAuthorizer(GatewayPolicies policies, String apiKeyHeader, int maxRequestBytes, boolean rejectAmbiguousPaths) {
        this.policies = policies;
        this.json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        this.apiKeyHeader = apiKeyHeader;
        this.maxRequestBytes = maxRequestBytes;
        this.rejectAmbiguousPaths = rejectAmbiguousPaths;
    }

    /**
     * @param request a request to the KX endpoint, its body read when it is a {@code POST}
     * @return the grant, the denial or the refusal of the request
     * @throws AmbiguousPathException when {@code uri} is refused
     */
    PolicyResponse answer(EndpointRequest request) {
        if (!"POST".equals(request.method()) || request.body() == null) {
            return error(405, "POST the authorization request as JSON", List.of(Map.entry("Allow", "POST")));
        }
        byte[] body = request.body();
        if (body.length > maxRequestBytes) {
            return error(413, "the authorization request is larger than " + maxRequestBytes + " bytes");
        }
        JsonNode document = parse(body);
        if (document == null) {
            return error(400, "the authorization request is not a JSON object of strings");
        }
        String uri = text(document, "uri");
        String method = text(document, "method");
        if (method != null && !METHOD.matcher(method).matches()) {
            return error(400, "\"method\" is not an HTTP method");
        }
        if (uri != null && !uri.isEmpty() && method == null) {
            return error(400, "\"uri\" needs its \"method\"");
        }
        OriginalPath path = uri == null || uri.isEmpty() ? null : OriginalPath.parse(withoutOrigin(uri),
                rejectAmbiguousPaths);
        String effectiveMethod = method != null ? method.toUpperCase(Locale.ROOT) : "CONNECT";
        String pass = text(document, "pass");
        RequestHeaders forwarded = request.headers();
        String forwardedBody = text(document, "body");
        SecurityRequestContext context = SecurityRequestContext.builder(request.peerAddress(),
                credentialHeaders(forwarded, pass), effectiveMethod, path == null ? "" : path.value())
                .query(path == null ? null : path.query()).forwardedBody(forwardedBody == null
                        ? ForwardedBody.UNAVAILABLE : ForwardedBody.of(forwardedBody.getBytes(StandardCharsets.UTF_8)))
                .pathVariables(policies.pathVariables(path == null ? null : path.path(), effectiveMethod)).build();
        EffectivePolicy policy = policies.policyFor(path == null ? null : path.path(), effectiveMethod);
        Decision decision = policies.decide(context, policy);
        if (decision instanceof Decision.Denied denied) {
            Denial denial = denied.denial();
            return error(denial.kind().status(), denial.kind().title() + ": " + denial.detail());
        }
        if (decision instanceof Decision.Failed failed) {
            return error(500, "the request could not be authorized").failing(failed.failure());
        }
        AuthenticatedUser caller = decision.userOrThrow();
        String user = text(document, "user");
        if (tokenFromPass(forwarded, pass) && user != null && !user.isEmpty() && !user.equals(caller.subject())) {
            // KX would believe the caller is "user"; the token says who it is.
            return error(403, "\"user\" is not the subject of the token in \"pass\"");
        }
        return PolicyResponse.json(200, IdentityHeaders.of(policy.name(), caller),
                json.writeValueAsBytes(Map.of("roles", List.copyOf(caller.roles()))));
    }

    /**
     * @param status the status
     * @param error what is wrong, safe to show
     * @return the contract's refusal: {@code {"error": ...}}
     */
    PolicyResponse error(int status, String error) {
        return error(status, error, List.of());
    }

    private PolicyResponse error(int status, String error, List<Map.Entry<String, String>> headers) {
        return PolicyResponse.json(status, headers, json.writeValueAsBytes(Map.of("error", error)));
    }

    /*
     * A bearer token in Authorization is the credential. Otherwise the password is: as a bearer
     * token when it has a JWT's shape, else as an API key; the Basic header that only repeats the
     * user and password is then dropped, so no policy reads it as a malformed bearer credential.
     */
    private RequestHeaders credentialHeaders(RequestHeaders forwarded, @Nullable String pass) {
        if (hasBearer(forwarded) || pass == null || pass.isEmpty()) {
            return forwarded;
        }
        if (JWT.matcher(pass).matches()) {
            List<String> token = List.of("Bearer " + pass);
            return name -> AUTHORIZATION.equalsIgnoreCase(name) ? token : forwarded.values(name);
        }
        List<String> key = List.of(pass);
        return name -> AUTHORIZATION.equalsIgnoreCase(name) ? List.of()
                : apiKeyHeader.equalsIgnoreCase(name) && forwarded.values(name).isEmpty() ? key
                        : forwarded.values(name);
    }

    private static boolean hasBearer(RequestHeaders forwarded) {
        List<String> authorization = forwarded.values(AUTHORIZATION);
        return authorization.size() == 1
                && authorization.get(0).regionMatches(true, 0, "Bearer ", 0, "Bearer ".length());
    }

    /* Whether credentialHeaders took the token from the password. */
    private static boolean tokenFromPass(RequestHeaders forwarded, @Nullable String pass) {
        return !hasBearer(forwarded) && pass != null && JWT.matcher(pass).matches();
    }

    private @Nullable JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(new String(body, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                return null;
            }
            for (String field : List.of("user", "pass", "uri", "method", "body")) {
                JsonNode value = node.get(field);
                if (value != null && !value.isNull() && !value.isString()) {
                    return null;
                }
            }
            return node;
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

    private static @Nullable String text(JsonNode document, String field) {
        JsonNode value = document.get(field);
        return value == null || value.isNull() ? null : value.stringValue();
    }

    /* The contract says "the URI of the request": a full URL is read as its path and query. */
    private static String withoutOrigin(String uri) {
        String rest = SCHEME_AND_AUTHORITY.matcher(uri).replaceFirst("");
        return rest.isEmpty() ? "/" : rest;
    }
}
