package io.policyauth.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.DenialKind;
import io.policyauth.core.Policies;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.Requirements;
import io.policyauth.core.TenantBinding;
import io.policyauth.web.MappedPolicy;
import io.policyauth.web.PolicyMap;
import io.policyauth.web.PolicyResponse;
import io.policyauth.web.PolicySource;

/**
 * Writes policy-auth into springdoc's document from the policy map, the same source as
 * {@code /actuator/policyauth}, so the two cannot disagree:
 * <ul>
 * <li>the security schemes of the registered policies ({@link PolicySchemes}), and every registered
 * policy under {@code components.x-policy-auth};</li>
 * <li>each operation's {@code security} from its effective policy (annotation, route or default),
 * {@code security: []} for one open to anyone, and {@code x-policy-auth} naming the policy, where it
 * comes from and what it requires;</li>
 * <li>on every operation that is not open to anyone, the problem responses (RFC 9457,
 * {@code WWW-Authenticate}, {@code Retry-After}) its policy can give: 401 where a credential would
 * change the answer, 403 where a known caller can be refused, 503 where a backend decides, each
 * example with its own problem type;</li>
 * <li>one line in each operation's description saying who may call it ({@link PolicyCallers}).</li>
 * </ul>
 */
public final class PolicyOpenApiCustomizer implements GlobalOpenApiCustomizer {

    /** The extension that describes policy-auth's view where OpenAPI has no words for it. */
    public static final String EXTENSION = "x-policy-auth";

    static final String PROBLEM_SCHEMA = "PolicyAuthProblem";
    private static final Map<String, String> REFUSALS = Map.of("401", "Unauthorized", "403", "Forbidden", "429",
            "TooManyRequests", "503", "Unavailable");
    private static final Pattern PATH_VARIABLE_REGEX = Pattern.compile("\\{([^}:]+):[^}]*}");

    private final PolicyMap policyMap;
    private final AuthExecutorRegistry registry;
    private final PolicySchemes schemes;
    private final PolicySecurity security;

    /**
     * @param policyMap every endpoint's effective policy
     * @param registry the registered policies
     * @param schemes their security schemes
     */
    public PolicyOpenApiCustomizer(PolicyMap policyMap, AuthExecutorRegistry registry, PolicySchemes schemes) {
        this.policyMap = policyMap;
        this.registry = registry;
        this.schemes = schemes;
        this.security = new PolicySecurity(schemes);
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
        openApi.setComponents(components);
        describePolicies(components);
        addProblemResponses(components);
        if (openApi.getPaths() == null) {
            return;
        }
        AtomicBoolean rateLimited = new AtomicBoolean();
        for (MappedPolicy entry : policyMap.entries()) {
            PathItem path = openApi.getPaths().get(documentPath(entry.pattern()));
            if (path == null || entry.source() == PolicySource.EXEMPT || entry.source() == PolicySource.GATEWAY
                    || "HEAD".equals(entry.method())) {
                continue;
            }
            path.readOperationsMap().forEach((method, operation) -> {
                boolean described = entry.method().equals("*") || entry.method().equals(method.name());
                if (described && describe(operation, entry)) {
                    rateLimited.set(true);
                }
            });
        }
        if (rateLimited.get()) {
            addRateLimitResponse(components);
        }
    }

    /* @return whether the operation can be refused with 429 */
    private boolean describe(Operation operation, MappedPolicy entry) {
        Optional<PolicyDescription> policy = effectivePolicy(entry);
        // What the caller must hold once admitted: the endpoint's requirements and its policy's own.
        Requirements required = policy.map(PolicyDescription::requirements).orElse(entry.requirements());
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("policy", String.join("|", entry.policy()));
        extension.put("source", kebab(entry.source()));
        extension.put("scopes", List.copyOf(required.scopes()));
        extension.put("roles", List.copyOf(required.roles()));
        if (!required.permissions().isEmpty()) {
            extension.put("permissions", List.copyOf(required.permissions()));
        }
        putStepUp(extension, required);
        if (entry.tenant().mode() != TenantBinding.Mode.OFF) {
            extension.put("tenant", entry.tenant().toString());
        }
        if (entry.resource() != null) {
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("kind", entry.resource().kind());
            resource.put("id", "{" + entry.resource().idVariable() + "}");
            if (entry.resource().action() != null) {
                resource.put("action", entry.resource().action());
            }
            extension.put("resource", resource);
        }
        extension.put("open", entry.open());
        extension.put("mode", kebab(entry.mode()));
        operation.addExtension(EXTENSION, extension);
        if (policy.isEmpty()) {
            // An unregistered default policy denies everything: nothing to send would help.
            extension.put("registered", false);
            operation.setSecurity(List.of());
            return false;
        }
        operation.setSecurity(security.requirements(policy.get()));
        String callers = PolicyCallers.sentence(policy.get());
        operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank() ? callers
                : operation.getDescription() + "\n\n" + callers);
        if (entry.open()) {
            return false;
        }
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        Set<String> refusals = PolicyCallers.refusals(policy.get(), dependsOnBackend(entry));
        for (String status : refusals) {
            putIfAbsent(responses, status, REFUSALS.get(status));
        }
        operation.setResponses(responses);
        return refusals.contains("429");
    }

    /* A policy that may wait on I/O decides with a backend, which can fail to answer (503). */
    /* RFC 9470's names: acr_values and max_age, in seconds. */
    private static void putStepUp(Map<String, Object> extension, Requirements required) {
        if (!required.acr().isEmpty()) {
            extension.put("acr", List.copyOf(required.acr()));
        }
        if (required.maxAge() != null) {
            extension.put("max-age", required.maxAge().toSeconds());
        }
    }

    private boolean dependsOnBackend(MappedPolicy entry) {
        return entry.policy().stream().map(registry::find).flatMap(Optional::stream).anyMatch(AuthExecutor::mayBlock);
    }

    private Optional<PolicyDescription> effectivePolicy(MappedPolicy entry) {
        List<AuthExecutor> members = new ArrayList<>();
        for (String name : entry.policy()) {
            Optional<AuthExecutor> executor = registry.find(name);
            if (executor.isEmpty()) {
                return Optional.empty();
            }
            members.add(executor.get());
        }
        return Optional.of(Policies.anyOf(members).describe().withRequirements(entry.requirements()));
    }

    private void describePolicies(Components components) {
        Map<String, Object> policies = new LinkedHashMap<>();
        List<AuthExecutor> all = registry.policies().stream().map(registry::get).toList();
        for (AuthExecutor executor : all) {
            PolicyDescription description = executor.describe();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", description.kind());
            if (description.isComposite()) {
                entry.put("members", description.members().stream().map(AuthExecutor::policy).toList());
            }
            if (description.credential() != null) {
                entry.put("credential", kebab(description.credential().type()));
            }
            entry.put("scopes", List.copyOf(description.requirements().scopes()));
            entry.put("roles", List.copyOf(description.requirements().roles()));
            if (!description.requirements().permissions().isEmpty()) {
                entry.put("permissions", List.copyOf(description.requirements().permissions()));
            }
            putStepUp(entry, description.requirements());
            List<String> schemeNames = new ArrayList<>();
            if (!description.isComposite()) {
                schemes.schemesOf(description).forEach((name, scheme) -> {
                    components.addSecuritySchemes(name, scheme);
                    schemeNames.add(name);
                });
            }
            entry.put("schemes", schemeNames);
            policies.put(executor.policy(), entry);
        }
        components.addExtension(EXTENSION, Map.of("policies", policies));
    }

    private static void addProblemResponses(Components components) {
        Schema<Object> problem = new ObjectSchema().description("An RFC 9457 problem")
                .addProperty("type", new StringSchema().format("uri").example(PolicyResponse.TYPE_PREFIX
                        + "unauthenticated"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("policy", new StringSchema());
        components.addSchemas(PROBLEM_SCHEMA, problem);
        Header challenge = new Header().description("The challenges of the policies that would admit the "
                + "request (RFC 9110), e.g. Bearer error=\"insufficient_scope\", scope=\"orders:write\"")
                .schema(new StringSchema());
        Header retryAfter = new Header().description("Seconds until asking again may succeed")
                .schema(new IntegerSchema());
        components.addHeaders("WWW-Authenticate", challenge);
        components.addHeaders("Retry-After", retryAfter);
        components.addResponses(responseName("Unauthorized"), problemResponse(
                "No credential, or one that is not valid", "WWW-Authenticate", DenialKind.CREDENTIAL_MISSING));
        components.addResponses(responseName("Forbidden"), problemResponse(
                "A known caller that the policy does not admit (address, scope or role)", "WWW-Authenticate",
                DenialKind.FORBIDDEN));
        components.addResponses(responseName("Unavailable"), problemResponse(
                "A backend needed to decide did not answer", "Retry-After", DenialKind.UNAVAILABLE));
    }

    /* Only in a document with a rate-limited operation: a component nobody refers to is noise. */
    private static void addRateLimitResponse(Components components) {
        components.addHeaders("RateLimit-Policy", new Header().description("The limit: \"<name>\";q=<requests>;"
                + "w=<window seconds> (draft-ietf-httpapi-ratelimit-headers)").schema(new StringSchema()));
        components.addHeaders("RateLimit", new Header().description("What is left: \"<name>\";r=<remaining>;"
                + "t=<seconds until full>").schema(new StringSchema()));
        components.addResponses(responseName("TooManyRequests"), problemResponse(
                "A caller over the policy's rate limit", "Retry-After", DenialKind.RATE_LIMITED)
                .addHeaderObject("RateLimit-Policy", new Header().$ref("#/components/headers/RateLimit-Policy"))
                .addHeaderObject("RateLimit", new Header().$ref("#/components/headers/RateLimit")));
    }

    /* Each response's example carries its own problem type, title and status. */
    private static ApiResponse problemResponse(String description, String header, DenialKind kind) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", PolicyResponse.TYPE_PREFIX + kind.problemType());
        example.put("title", kind.title());
        example.put("status", kind.status());
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PolicyResponse.PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                                .example(example)))
                .addHeaderObject(header, new Header().$ref("#/components/headers/" + header));
    }

    private static void putIfAbsent(ApiResponses responses, String status, String name) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + responseName(name)));
        }
    }

    private static String responseName(String name) {
        return "PolicyAuth" + name;
    }

    /* DRY_RUN as dry-run, in any default locale. */
    private static String kebab(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /* springdoc writes {id:\d+} as {id}. */
    private static String documentPath(String pattern) {
        return PATH_VARIABLE_REGEX.matcher(pattern).replaceAll("{$1}");
    }
}
