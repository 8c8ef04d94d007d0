package io.policyauth.resource.cerbos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.resource.FilterExpression;
import io.policyauth.resource.Resource;
import io.policyauth.resource.ResourceAuthorizer;
import io.policyauth.resource.ResourceDecision;
import io.policyauth.resource.ResourceFilter;

/**
 * {@link ResourceAuthorizer} on Cerbos's HTTP API ({@code POST /api/check/resources},
 * {@code POST /api/plan/resources}), with Spring's {@link RestClient} on Apache HttpClient 5 when the
 * application has it, else on the JDK's client. The principal is the caller:
 * its subject, its roles and the implicit ones, and the attributes {@code tenant}, {@code scopes},
 * {@code permissions}, {@code mechanism} and the configured claims; with {@code scopeFromTenant}
 * the caller's tenant is the scope of principal and resource. Batches are cut at Cerbos's 50
 * resources a request. Anything but a well-formed answer in time is a 503; so is a request beyond
 * {@code maxConcurrentRequests}, refused at once rather than queued.
 */
public final class CerbosResourceAuthorizer implements ResourceAuthorizer, AutoCloseable {

    /** Most resources Cerbos takes in one request. */
    public static final int MAX_BATCH = 50;

    private static final Duration SATURATED_RETRY_AFTER = Duration.ofSeconds(1);
    private static final String ALLOW = "EFFECT_ALLOW";
    private static final String ATTRIBUTE_PREFIX = "request.resource.attr.";

    private final CerbosSettings settings;
    private final ClientHttpRequestFactory requests;
    private final RestClient client;
    private final Semaphore permits;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param settings where Cerbos is and what to send it
     */
    public CerbosResourceAuthorizer(CerbosSettings settings) {
        this(settings, CerbosRequestFactories.of(settings));
    }

    CerbosResourceAuthorizer(CerbosSettings settings, ClientHttpRequestFactory requests) {
        this.settings = settings;
        this.requests = requests;
        this.client = RestClient.builder().baseUrl(settings.url().toString()).requestFactory(requests).build();
        this.permits = new Semaphore(settings.maxConcurrentRequests());
    }

    /** Closes the HTTP client's connections. */
    @Override
    public void close() throws Exception {
        if (requests instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }

    @Override
    public List<ResourceDecision> checkAll(AuthenticatedUser user, List<Resource> resources,
            Collection<String> actions) {
        List<ResourceDecision> decisions = new ArrayList<>(resources.size() * actions.size());
        for (int from = 0; from < resources.size(); from += MAX_BATCH) {
            List<Resource> batch = resources.subList(from, Math.min(resources.size(), from + MAX_BATCH));
            decisions.addAll(checkBatch(user, batch, List.copyOf(actions)));
        }
        return decisions;
    }

    @Override
    public ResourceFilter plan(AuthenticatedUser user, String kind, String action) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("kind", kind);
        scope(user).ifPresent(scope -> resource.put("scope", scope));
        JsonNode answer = post("/api/plan/resources", Map.of("requestId", UUID.randomUUID().toString(),
                "action", action, "principal", principal(user), "resource", resource));
        JsonNode filter = answer.path("filter");
        return switch (filter.path("kind").asString("")) {
            case "KIND_ALWAYS_ALLOWED" -> ResourceFilter.ALWAYS_ALLOWED;
            case "KIND_ALWAYS_DENIED" -> ResourceFilter.ALWAYS_DENIED;
            case "KIND_CONDITIONAL" -> new ResourceFilter.Conditional(expression(filter.path("condition")));
            default -> throw malformed("a plan without a known filter kind");
        };
    }

    private List<ResourceDecision> checkBatch(AuthenticatedUser user, List<Resource> batch, List<String> actions) {
        List<Map<String, Object>> entries = new ArrayList<>(batch.size());
        for (Resource resource : batch) {
            Map<String, Object> sent = new LinkedHashMap<>();
            sent.put("kind", resource.kind());
            sent.put("id", resource.id());
            sent.put("attr", resource.attributes());
            scope(user).ifPresent(scope -> sent.put("scope", scope));
            entries.add(Map.of("actions", actions, "resource", sent));
        }
        JsonNode answer = post("/api/check/resources", Map.of("requestId", UUID.randomUUID().toString(),
                "includeMeta", true, "principal", principal(user), "resources", entries));
        JsonNode results = answer.path("results");
        if (!results.isArray() || results.size() != batch.size()) {
            throw malformed("an answer for another number of resources");
        }
        List<ResourceDecision> decisions = new ArrayList<>(batch.size() * actions.size());
        for (int i = 0; i < batch.size(); i++) {
            JsonNode result = results.get(i);
            Resource resource = batch.get(i);
            if (!resource.id().equals(result.path("resource").path("id").asString(null))) {
                throw malformed("an answer for another resource");
            }
            for (String action : actions) {
                JsonNode effect = result.path("actions").path(action);
                if (!effect.isString()) {
                    throw malformed("an answer without the effect of an action asked for");
                }
                String policy = result.path("meta").path("actions").path(action).path("matchedPolicy").asString(null);
                decisions.add(new ResourceDecision(resource, action, ALLOW.equals(effect.stringValue()), policy));
            }
        }
        return decisions;
    }

    private Map<String, Object> principal(AuthenticatedUser user) {
        Set<String> roles = new LinkedHashSet<>(user.roles());
        roles.addAll(settings.implicitRoles());
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (user.tenant() != null) {
            attributes.put("tenant", user.tenant());
        }
        attributes.put("scopes", List.copyOf(user.scopes()));
        attributes.put("permissions", List.copyOf(user.permissions()));
        attributes.put("mechanism", user.mechanism());
        for (String claim : settings.principalAttributes()) {
            Object value = user.claims().get(claim);
            if (value != null) {
                attributes.put(claim, value);
            }
        }
        Map<String, Object> principal = new LinkedHashMap<>();
        principal.put("id", user.subject());
        principal.put("roles", List.copyOf(roles));
        principal.put("attr", attributes);
        scope(user).ifPresent(scope -> principal.put("scope", scope));
        return principal;
    }

    private Optional<String> scope(AuthenticatedUser user) {
        return settings.scopeFromTenant() ? Optional.ofNullable(user.tenant()) : Optional.empty();
    }

    private FilterExpression expression(JsonNode node) {
        JsonNode expression = node.path("expression");
        if (expression.isObject()) {
            List<FilterExpression> operands = new ArrayList<>();
            for (JsonNode operand : expression.path("operands")) {
                operands.add(expression(operand));
            }
            return new FilterExpression.Operation(expression.path("operator").asString(""), operands);
        }
        if (node.has("variable")) {
            String variable = node.path("variable").asString("");
            if (!variable.startsWith(ATTRIBUTE_PREFIX)) {
                throw malformed("a plan over " + variable + ", not a resource attribute");
            }
            return new FilterExpression.Attribute(variable.substring(ATTRIBUTE_PREFIX.length()));
        }
        if (node.has("value")) {
            return new FilterExpression.Value(value(node.get("value")));
        }
        throw malformed("a plan with an empty operand");
    }

    private @Nullable Object value(JsonNode value) {
        return json.convertValue(value, Object.class);
    }

    private JsonNode post(String path, Map<String, Object> body) {
        if (!permits.tryAcquire()) {
            throw new AuthUnavailableException("resource_engine_saturated",
                    "The request cannot be authorized right now. Try again later.", SATURATED_RETRY_AFTER, null);
        }
        try {
            String answer = client.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body)).retrieve()
                    .body(String.class);
            return json.readTree(answer == null ? "" : answer);
        }
        catch (RestClientException | JacksonException failed) {
            throw new AuthUnavailableException("resource_engine_unavailable",
                    "The request cannot be authorized right now. Try again later.", null, failed);
        }
        finally {
            permits.release();
        }
    }

    private static AuthUnavailableException malformed(String what) {
        return new AuthUnavailableException("resource_engine_unavailable",
                "The request cannot be authorized right now. Try again later.", null,
                new IllegalStateException("Cerbos answered " + what));
    }
}
