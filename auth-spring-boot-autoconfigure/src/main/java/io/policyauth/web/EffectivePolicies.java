package io.policyauth.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.ForbiddenException;
import io.policyauth.core.Policies;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.RateLimitGuard;
import io.policyauth.core.RateLimitUse;
import io.policyauth.core.Requirements;
import io.policyauth.core.ResourceGuard;
import io.policyauth.core.ResourceRule;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.core.TenantBinding;
import io.policyauth.core.TenantIsolation;
import io.policyauth.core.UnknownPolicyException;

/**
 * Decides which policy applies to a request: the handler's {@link RequiresPolicy}, else the first
 * matching route rule, else the default policy. Annotations are resolved once per handler method
 * and route rules once at start, so the request path does no annotation or registry lookup.
 */
public final class EffectivePolicies {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Name at least one registered policy in the annotation, with valid "
            + "scopes, roles, permissions, tenant, acr and max-age.";

    private static final Logger logger = LoggerFactory.getLogger(EffectivePolicies.class);

    /** Cache marker for a handler method without an annotation. */
    private static final EffectivePolicy NOT_ANNOTATED = new EffectivePolicy(List.of(), Requirements.NONE, null,
            PolicySource.DEFAULT, null);

    private final AuthService authService;
    private final @Nullable TenantIsolation isolation;
    private final @Nullable ResourceGuard resources;
    private final @Nullable RateLimitGuard rateLimits;
    private final PolicyModes modes;
    private final ExemptEndpoints exempt;
    private final List<CompiledRoute> routes;
    private final EffectivePolicy defaultPolicy;
    private final String defaultPolicyProblem;
    private final Map<HandlerKey, EffectivePolicy> annotated = new ConcurrentHashMap<>();

    /**
     * @param authService resolves policy names to executors
     * @param defaultPolicy the policy of handlers with no annotation and no route
     * @param routes route rules, first match wins
     * @param modes which policies are enforced or run dry
     * @param exempt the endpoints that are never checked (the error controller's error path)
     * @throws IllegalStateException when a route names an unregistered policy
     */
    public EffectivePolicies(AuthService authService, String defaultPolicy, List<RouteRule> routes, PolicyModes modes,
            ExemptEndpoints exempt) {
        this(authService, defaultPolicy, routes, modes, exempt, null);
    }

    /**
     * @param authService resolves policy names to executors
     * @param defaultPolicy the policy of handlers with no annotation and no route
     * @param routes route rules, first match wins
     * @param modes which policies are enforced or run dry
     * @param exempt the endpoints that are never checked (the error controller's error path)
     * @param isolation tenant isolation, or {@code null} when tenancy is off
     * @throws IllegalStateException when a route names an unregistered policy or declares an invalid tenant
     */
    public EffectivePolicies(AuthService authService, String defaultPolicy, List<RouteRule> routes, PolicyModes modes,
            ExemptEndpoints exempt, @Nullable TenantIsolation isolation) {
        this(authService, defaultPolicy, routes, modes, exempt, isolation, null);
    }

    /**
     * @param authService resolves policy names to executors
     * @param defaultPolicy the policy of handlers with no annotation and no route
     * @param routes route rules, first match wins
     * @param modes which policies are enforced or run dry
     * @param exempt the endpoints that are never checked (the error controller's error path)
     * @param isolation tenant isolation, or {@code null} when tenancy is off
     * @param resources adds {@link RequiresResource} checks, or {@code null} when no engine is configured
     * @throws IllegalStateException when a route names an unregistered policy or declares an invalid tenant
     */
    public EffectivePolicies(AuthService authService, String defaultPolicy, List<RouteRule> routes, PolicyModes modes,
            ExemptEndpoints exempt, @Nullable TenantIsolation isolation, @Nullable ResourceGuard resources) {
        this(authService, defaultPolicy, routes, modes, exempt, isolation, resources, null);
    }

    /**
     * @param authService resolves policy names to executors
     * @param defaultPolicy the policy of handlers with no annotation and no route
     * @param routes route rules, first match wins
     * @param modes which policies are enforced or run dry
     * @param exempt the endpoints that are never checked (the error controller's error path)
     * @param isolation tenant isolation, or {@code null} when tenancy is off
     * @param resources adds {@link RequiresResource} checks, or {@code null} when no engine is configured
     * @param rateLimits puts endpoints under {@link RequiresPolicy#rateLimit()}, or {@code null} without rate limits
     * @throws IllegalStateException when a route names an unregistered policy or declares an invalid tenant
     */
    public EffectivePolicies(AuthService authService, String defaultPolicy, List<RouteRule> routes, PolicyModes modes,
            ExemptEndpoints exempt, @Nullable TenantIsolation isolation, @Nullable ResourceGuard resources,
            @Nullable RateLimitGuard rateLimits) {
        this.authService = authService;
        this.rateLimits = rateLimits;
        this.isolation = isolation;
        this.resources = resources;
        this.modes = modes;
        this.exempt = exempt;
        this.routes = routes.stream().map(route -> new CompiledRoute(route, compileRoute(route))).toList();
        this.defaultPolicy = compileDefault(defaultPolicy);
        this.defaultPolicyProblem = authService.registry().find(defaultPolicy).isPresent() ? null
                : authService.registry().unknown(defaultPolicy).getMessage();
    }

    /**
     * The policy of a request, on any web stack.
     *
     * @param handler the handler the framework chose for it
     * @param path the request path within the application, parsed as the framework parses it
     * @param method the request method
     * @return its policy: the handler's annotation, else the first matching route, else the default
     */
    public EffectivePolicy forHandler(Object handler, PathContainer path, String method) {
        if (handler instanceof HandlerMethod handlerMethod) {
            if (exempt.isExempt(handlerMethod.getBeanType(), MatchedPaths.valueToMatch(path))) {
                return EffectivePolicy.EXEMPT;
            }
            EffectivePolicy policy = annotatedPolicy(handlerMethod);
            if (policy != NOT_ANNOTATED) {
                return policy;
            }
        }
        return forPath(path, method);
    }

    /**
     * The policy of a request that no handler annotation decides: the first matching route, else
     * the default policy. The gateway asks this for the requests it decides for other services.
     *
     * @param path the request path, parsed as Spring MVC parses it
     * @param method the request method
     * @return its policy
     */
    public EffectivePolicy forPath(PathContainer path, String method) {
        for (CompiledRoute route : routes) {
            if (route.rule().matches(path, method)) {
                return route.policy();
            }
        }
        return defaultPolicy;
    }

    /**
     * The variables of the first route rule matching a request, as its policy reads the tenant a
     * request names: the gateway's requests have no handler pattern.
     *
     * @param path the request path, parsed as Spring MVC parses it
     * @param method the request method
     * @return the route pattern's variables, decoded; empty when no route matches
     */
    public Map<String, String> routeVariables(PathContainer path, String method) {
        for (CompiledRoute route : routes) {
            if (route.rule().matches(path, method)) {
                PathPattern.PathMatchInfo match = route.rule().pattern().matchAndExtract(path);
                return match == null ? Map.of() : match.getUriVariables();
            }
        }
        return Map.of();
    }

    /**
     * The policy of requests to a mapped handler, as far as can be told without a request: its
     * annotation, else the first route covering the pattern for the method, else the default.
     *
     * @param handler the handler method
     * @param pattern one of its mapping patterns
     * @param method one of its HTTP methods, or {@code null} when it takes any
     * @return the effective policy
     * @throws IllegalStateException when its annotation names an unregistered policy, or a tenant
     *         variable that is not in the pattern
     */
    public EffectivePolicy forMapping(HandlerMethod handler, String pattern, @Nullable String method) {
        if (exempt.isExempt(handler.getBeanType(), pattern)) {
            return EffectivePolicy.EXEMPT;
        }
        EffectivePolicy policy = annotatedPolicy(handler);
        if (policy == NOT_ANNOTATED) {
            return forPattern(pattern, method);
        }
        TenantBinding tenant = policy.tenant();
        if (tenant.isIsolated() && !MatchedPaths.variables(pattern).contains(tenant.pathVariable())
                && !declaredTenant(handler).isEmpty()) {
            throw new PolicyAuthConfigurationException("@RequiresPolicy on " + handler.getBeanType().getName() + "#"
                    + handler.getMethod().getName() + " names tenant " + tenant + ", which is not a variable of its "
                    + "pattern " + pattern, "Name a variable of the pattern, or say tenant = \"none\".");
        }
        return policy;
    }

    /**
     * The policy of requests to a mapped handler that carries no annotation (static resources, a
     * functional route), as far as can be told without a request: the first route covering the
     * pattern for the method, else the default.
     *
     * @param pattern one of its mapping patterns
     * @param method one of its HTTP methods, or {@code null} when it takes any
     * @return the effective policy
     */
    public EffectivePolicy forPattern(String pattern, @Nullable String method) {
        for (CompiledRoute route : routes) {
            if (route.rule().matchesMapping(pattern, method)) {
                return route.policy();
            }
        }
        return defaultPolicy;
    }

    /**
     * The policy of an endpoint that names its policies in code (a functional route, the tenant
     * admin API), compiled as an annotation's: the policies' modes, the requirements, tenant isolation.
     *
     * @param names the policy names, any of them
     * @param requirements what the caller must hold on top
     * @param tenant the tenant binding, as {@link RequiresPolicy#tenant()} declares it
     * @param source where they are named
     * @return the effective policy
     * @throws PolicyAuthConfigurationException when a name is not registered
     */
    public EffectivePolicy forNames(List<String> names, Requirements requirements, String tenant,
            PolicySource source) {
        return callerLimited(compile(names, requirements, tenant, source, source.name()));
    }

    /**
     * @param name a policy name
     * @return its registered executor, if any
     */
    public Optional<AuthExecutor> resolve(String name) {
        return authService.registry().find(name);
    }

    /**
     * @return each route rule with its policy, in their order
     */
    public List<Map.Entry<RouteRule, EffectivePolicy>> routes() {
        return routes.stream().map(route -> Map.entry(route.rule(), route.policy())).toList();
    }

    /**
     * @return the default policy, possibly standing in for an unregistered one
     */
    public EffectivePolicy defaultPolicy() {
        return defaultPolicy;
    }

    /**
     * @return why the default policy cannot be used (it is not registered, and what to set), or
     *         empty when it is registered
     */
    public Optional<String> defaultPolicyProblem() {
        return Optional.ofNullable(defaultPolicyProblem);
    }

    /**
     * @param rule an endpoint's resource rule, or {@code null}
     * @param method one of its HTTP methods, or {@code null} when it takes any
     * @return the rule with the action its check asks about for that method, when the rule leaves it to
     *         the method; {@code null} for no rule
     */
    public @Nullable ResourceRule resolvedResource(@Nullable ResourceRule rule, @Nullable String method) {
        if (rule == null || rule.action() != null || method == null || resources == null) {
            return rule;
        }
        return new ResourceRule(rule.kind(), rule.idVariable(), resources.action(rule, method));
    }

    private EffectivePolicy annotatedPolicy(HandlerMethod handler) {
        HandlerKey key = new HandlerKey(handler.getBeanType(), handler.getMethod());
        EffectivePolicy cached = annotated.get(key);
        return cached != null ? cached : annotated.computeIfAbsent(key, this::resolveAnnotation);
    }

    private String declaredTenant(HandlerMethod handler) {
        RequiresPolicy annotation = annotation(new HandlerKey(handler.getBeanType(), handler.getMethod()),
                RequiresPolicy.class);
        return annotation == null ? "" : annotation.tenant();
    }

    /* On the method, else on its class. */
    private static <A extends Annotation> @Nullable A annotation(HandlerKey key, Class<A> type) {
        A annotation = AnnotatedElementUtils.findMergedAnnotation(key.method(), type);
        return annotation != null ? annotation : AnnotatedElementUtils.findMergedAnnotation(key.beanType(), type);
    }

    private EffectivePolicy resolveAnnotation(HandlerKey key) {
        RequiresPolicy annotation = annotation(key, RequiresPolicy.class);
        if (annotation == null) {
            if (annotation(key, RequiresResource.class) != null) {
                // Routes and the default policy know nothing of the resource: never skip its check.
                throw new PolicyAuthConfigurationException("@RequiresResource on " + key.beanType().getName() + "#"
                        + key.method().getName() + " needs a @RequiresPolicy beside it",
                        "Say which policy admits callers before the resource is checked.");
            }
            return NOT_ANNOTATED;
        }
        String origin = "@RequiresPolicy on " + key.beanType().getName() + "#" + key.method().getName();
        if (annotation.value().length == 0) {
            throw new PolicyAuthConfigurationException(origin + " names no policy", WHAT_TO_DO);
        }
        Requirements requirements;
        try {
            requirements = Requirements.of(Arrays.asList(annotation.scopes()), Arrays.asList(annotation.roles()),
                    Arrays.asList(annotation.permissions())).withStepUp(Arrays.asList(annotation.acr()),
                    annotation.maxAge().isBlank() ? null
                            : DurationStyle.detectAndParse(annotation.maxAge().trim(), ChronoUnit.SECONDS));
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException(origin + ": " + invalid.getMessage(), WHAT_TO_DO, invalid);
        }
        EffectivePolicy policy = compile(Arrays.asList(annotation.value()), requirements, annotation.tenant(),
                PolicySource.ANNOTATION, origin);
        RequiresResource resource = annotation(key, RequiresResource.class);
        EffectivePolicy checked = resource == null ? policy : withResource(policy, resource, origin);
        return annotation.rateLimit().isBlank() ? callerLimited(checked)
                : callerLimited(withRateLimit(checked, annotation, origin), annotation.cost());
    }

    /* An endpoint without a cost of its own costs what the named policies say: the most a limited one says, else 1. */
    private EffectivePolicy callerLimited(EffectivePolicy policy) {
        long cost = 1;
        for (String name : policy.names()) {
            AuthExecutor named = authService.registry().find(name).orElse(null);
            String declared = named == null ? null : named.describe().attributes().get(PolicyDescription.COST);
            if (declared != null) {
                cost = Math.max(cost, Long.parseLong(declared));
            }
        }
        return callerLimited(policy, cost);
    }

    /* Outermost: a caller with limits or credits of its own pays once everything else admitted the request. */
    private EffectivePolicy callerLimited(EffectivePolicy policy, long cost) {
        AuthExecutor executor = policy.executor();
        return rateLimits == null || executor == null ? policy
                : policy.withExecutor(rateLimits.callerLimited(executor, cost));
    }

    private EffectivePolicy withRateLimit(EffectivePolicy policy, RequiresPolicy annotation, String origin) {
        return withRateLimit(policy, annotation.rateLimit(), annotation.cost(), origin + " (rateLimit)");
    }

    private EffectivePolicy withRateLimit(EffectivePolicy policy, String limit, long cost, String origin) {
        if (rateLimits == null) {
            throw new PolicyAuthConfigurationException(origin + " names a rate limit, and rate limits are not "
                    + "configured in this application", "Remove it, or keep the rate-limit auto-configuration.");
        }
        return policy.withExecutor(rateLimits.limited(policy.executor(), limit, cost, origin));
    }

    private EffectivePolicy withResource(EffectivePolicy policy, RequiresResource resource, String origin) {
        String id = resource.id();
        if (!(id.startsWith("{") && id.endsWith("}")) || id.length() < 3) {
            throw new PolicyAuthConfigurationException(origin + ": @RequiresResource id '" + id + "' is not a path "
                    + "variable", "Name a variable of the pattern as {documentId}.");
        }
        ResourceRule rule = new ResourceRule(resource.kind(), id.substring(1, id.length() - 1),
                resource.action().isEmpty() ? null : resource.action());
        return withResource(policy, rule, origin + " has @RequiresResource");
    }

    private EffectivePolicy withResource(EffectivePolicy policy, ResourceRule rule, String origin) {
        if (resources == null) {
            throw new PolicyAuthConfigurationException(origin + ", and no resource engine is configured",
                    "Set policy-auth.resources.engine (cerbos), or remove the resource rule.");
        }
        AuthExecutor guarded;
        try {
            guarded = resources.guarded(policy.executor(), rule, policy.enforcement());
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException(origin + ": " + invalid.getMessage(),
                    "Declare a ResourceAttributes bean for the kind, or name another kind.", invalid);
        }
        return new EffectivePolicy(policy.names(), policy.requirements(), guarded, policy.source(),
                policy.enforcement(), policy.tenant(), rule);
    }

    /* A route's requests may reach handlers whose patterns name other variables: its check reads the route's own. */
    private EffectivePolicy compileRoute(RouteRule route) {
        String origin = "Route " + route.pattern().getPatternString();
        EffectivePolicy policy = compile(route.policies(), route.requirements(), route.tenant(), PolicySource.ROUTE,
                origin);
        if (route.resource() != null) {
            EffectivePolicy checked = withResource(policy, route.resource(), origin + " has a resource rule");
            policy = checked.withExecutor(new RouteVariablesExecutor(checked.executor(), route.pattern()));
        }
        RateLimitUse limit = route.rateLimit();
        return limit == null ? callerLimited(policy)
                : callerLimited(withRateLimit(policy, limit.limit(), limit.cost(), origin + " (rate-limit)"),
                        limit.cost());
    }

    private EffectivePolicy compile(List<String> names, Requirements requirements, String tenant,
            PolicySource source, String origin) {
        AuthExecutor executor;
        try {
            executor = authService.resolve(names);
        }
        catch (UnknownPolicyException unknown) {
            throw new PolicyAuthConfigurationException(origin + " names policy '" + unknown.policy() + "': "
                    + unknown.getMessage(), WHAT_TO_DO, unknown);
        }
        TenantBinding binding = binding(executor, tenant, origin);
        return new EffectivePolicy(names, requirements,
                Policies.withRequirements(isolated(executor, binding), requirements, authService.clock()), source,
                modes.of(names), binding);
    }

    private AuthExecutor isolated(AuthExecutor executor, TenantBinding binding) {
        return isolation == null ? executor : Policies.isolated(executor, isolation, binding);
    }

    /* Open policies are never isolated: their anonymous callers have no tenant to compare. */
    private TenantBinding binding(AuthExecutor executor, String declared, String origin) {
        if (isolation == null) {
            return TenantBinding.OFF;
        }
        TenantBinding binding;
        try {
            binding = isolation.binding(declared);
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException(origin + ": " + invalid.getMessage(), WHAT_TO_DO, invalid);
        }
        return binding.isIsolated() && executor.describe().admitsAnyone() ? TenantBinding.OFF : binding;
    }

    /*
     * Requests that no annotation or route covers get the default policy. When it is not
     * registered they are denied rather than failing start-up (start-up verification still fails
     * for controller methods that would fall to it), so an application whose controllers are all
     * annotated or routed need not configure the default policy's backend.
     */
    private EffectivePolicy compileDefault(String name) {
        List<String> names = List.of(name);
        return authService.registry().find(name)
                .map(executor -> {
                    TenantBinding binding = binding(executor, "", "policy-auth.default-policy");
                    return callerLimited(new EffectivePolicy(names, Requirements.NONE,
                            isolated(executor, binding), PolicySource.DEFAULT, modes.of(names), binding));
                })
                .orElseGet(() -> {
                    logger.warn("policy-auth.default-policy '{}' is not registered: requests that no annotation or "
                            + "route covers (static resources, Actuator) are denied with 403. {}", name,
                            authService.registry().unknown(name).getMessage());
                    return new EffectivePolicy(names, Requirements.NONE, new UnregisteredPolicy(name),
                            PolicySource.DEFAULT, modes.of(names));
                });
    }

    private record HandlerKey(Class<?> beanType, Method method) {
    }

    private record CompiledRoute(RouteRule rule, EffectivePolicy policy) {
    }

    /** Stands in for a default policy that is not registered: denies everything. */
    private record UnregisteredPolicy(String policy) implements AuthExecutor {

        @Override
        public boolean mayBlock() {
            return false;
        }

        @Override
        public AuthenticatedUser execute(SecurityRequestContext context) {
            throw new ForbiddenException("policy_not_registered", "No registered policy admits this request.",
                    List.of());
        }
    }
}
