package io.policyauth.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.policyauth.core.RateLimitUse;
import io.policyauth.core.Requirements;
import io.policyauth.core.ResourceRule;

/**
 * A configured rule: requests whose path matches {@code pattern} (and whose method is listed, when
 * methods are) get {@code policies} with {@code requirements}. A rule that lists {@code GET}
 * covers {@code HEAD} too, since Spring MVC serves {@code HEAD} with the {@code GET} handler.
 *
 * @param pattern the path pattern
 * @param methods upper-case HTTP methods, {@code HEAD} added wherever {@code GET} is; empty for all
 * @param policies policy names (any of)
 * @param requirements scopes, roles and permissions required on top
 * @param tenant under tenancy, the path variable of {@code pattern} naming the tenant ({@code {orgId}}),
 *        {@code none} to opt out, or empty for the configured sources
 * @param resource the resource the matched requests act on, its id a variable of {@code pattern}, or
 *        {@code null}
 * @param rateLimit the rate limit the matched requests are counted against, or {@code null}
 */
public record RouteRule(PathPattern pattern, Set<String> methods, List<String> policies, Requirements requirements,
        String tenant, @Nullable ResourceRule resource, @Nullable RateLimitUse rateLimit) {

    private static final String GET = "GET";
    private static final String HEAD = "HEAD";

    public RouteRule {
        methods = methods.stream().map(method -> method.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        if (methods.contains(GET)) {
            methods.add(HEAD);
        }
        methods = Set.copyOf(methods);
        policies = List.copyOf(policies);
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("Route " + pattern.getPatternString() + " names no policy");
        }
        tenant = tenant == null ? "" : tenant;
        if (tenant.startsWith("{") && tenant.endsWith("}") && !MatchedPaths.variables(pattern.getPatternString())
                .contains(tenant.substring(1, tenant.length() - 1))) {
            throw new IllegalArgumentException("tenant " + tenant + " is not a variable of the pattern "
                    + pattern.getPatternString());
        }
        if (resource != null && !MatchedPaths.variables(pattern.getPatternString()).contains(resource.idVariable())) {
            throw new IllegalArgumentException("resource.id {" + resource.idVariable() + "} is not a variable of the "
                    + "pattern " + pattern.getPatternString());
        }
    }

    /**
     * A rule with no resource check.
     *
     * @param pattern the path pattern
     * @param methods upper-case HTTP methods; empty for all
     * @param policies policy names (any of)
     * @param requirements scopes, roles and permissions required on top
     * @param tenant the tenant binding: {@code {variable}}, {@code none}, or empty for the configured sources
     */
    public RouteRule(PathPattern pattern, Set<String> methods, List<String> policies, Requirements requirements,
            String tenant) {
        this(pattern, methods, policies, requirements, tenant, null, null);
    }

    /**
     * A rule whose tenant binding is the configured sources.
     *
     * @param pattern the path pattern
     * @param methods upper-case HTTP methods; empty for all
     * @param policies policy names (any of)
     * @param requirements scopes, roles and permissions required on top
     */
    public RouteRule(PathPattern pattern, Set<String> methods, List<String> policies, Requirements requirements) {
        this(pattern, methods, policies, requirements, "", null, null);
    }

    /**
     * Parses a rule's pattern.
     *
     * @param pattern path pattern, e.g. {@code /admin/**}
     * @param methods HTTP methods; empty for all
     * @param policies policy names
     * @param requirements scopes and roles
     * @return the rule
     */
    public static RouteRule of(String pattern, Set<String> methods, List<String> policies, Requirements requirements) {
        return of(pattern, methods, policies, requirements, true);
    }

    /**
     * Parses a rule's pattern, matching paths with or without regard to case.
     *
     * @param pattern path pattern, e.g. {@code /admin/**}
     * @param methods HTTP methods; empty for all
     * @param policies policy names
     * @param requirements scopes and roles
     * @param caseSensitive whether {@code /Admin} is another path than {@code /admin}
     * @return the rule
     */
    public static RouteRule of(String pattern, Set<String> methods, List<String> policies, Requirements requirements,
            boolean caseSensitive) {
        return of(pattern, methods, policies, requirements, "", caseSensitive);
    }

    /**
     * Parses a rule's pattern, matching paths with or without regard to case.
     *
     * @param pattern path pattern, e.g. {@code /tenants/{tenantId}/**}
     * @param methods HTTP methods; empty for all
     * @param policies policy names
     * @param requirements scopes, roles and permissions
     * @param tenant the tenant binding: {@code {variable}}, {@code none}, or empty for the configured sources
     * @param caseSensitive whether {@code /Admin} is another path than {@code /admin}
     * @return the rule
     */
    public static RouteRule of(String pattern, Set<String> methods, List<String> policies, Requirements requirements,
            String tenant, boolean caseSensitive) {
        return of(pattern, methods, policies, requirements, tenant, null, caseSensitive);
    }

    /**
     * Parses a rule's pattern, matching paths with or without regard to case.
     *
     * @param pattern path pattern, e.g. {@code /documents/{documentId}}
     * @param methods HTTP methods; empty for all
     * @param policies policy names
     * @param requirements scopes, roles and permissions
     * @param tenant the tenant binding: {@code {variable}}, {@code none}, or empty for the configured sources
     * @param resource the resource the matched requests act on, or {@code null}
     * @param caseSensitive whether {@code /Admin} is another path than {@code /admin}
     * @return the rule
     */
    public static RouteRule of(String pattern, Set<String> methods, List<String> policies, Requirements requirements,
            String tenant, @Nullable ResourceRule resource, boolean caseSensitive) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        if (!caseSensitive) {
            parser = new PathPatternParser();
            parser.setCaseSensitive(false);
        }
        return new RouteRule(parser.parse(pattern), methods, policies, requirements, tenant, resource, null);
    }

    /**
     * @param use the rate limit the matched requests are counted against
     * @return this rule, under that limit
     */
    public RouteRule withRateLimit(RateLimitUse use) {
        return new RouteRule(pattern, methods, policies, requirements, tenant, resource, use);
    }

    /**
     * @param path the request path within the application
     * @param method the request method
     * @return whether this rule applies
     */
    public boolean matches(PathContainer path, String method) {
        return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path);
    }

    /**
     * @param mappedPattern a handler's mapping pattern
     * @param method one HTTP method, or {@code null} for any
     * @return whether requests of that method to that mapping match this rule
     */
    boolean matchesMapping(String mappedPattern, @Nullable String method) {
        return (methods.isEmpty() || (method != null && methods.contains(method)))
                && pattern.matches(PathContainer.parsePath(mappedPattern));
    }
}
