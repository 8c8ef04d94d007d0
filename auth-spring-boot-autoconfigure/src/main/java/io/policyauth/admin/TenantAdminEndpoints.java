package io.policyauth.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthService;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.Decision;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.tenant.TenantActor;
import io.policyauth.tenant.TenantMember;
import io.policyauth.tenant.TenantRole;
import io.policyauth.tenant.TenantRoleException;
import io.policyauth.tenant.TenantRoles;
import io.policyauth.web.DirectEndpoints;
import io.policyauth.web.EffectivePolicy;
import io.policyauth.web.EndpointRequest;
import io.policyauth.web.MappedPolicy;
import io.policyauth.web.MatchedPaths;
import io.policyauth.web.PolicyResponse;

/**
 * The tenant admin API under its path: {@code GET /tenants/{tenantId}/roles},
 * {@code PUT|GET|DELETE /tenants/{tenantId}/roles/{role}} with {@code {"permissions": [...],
 * "description": "..."}}, {@code GET /tenants/{tenantId}/members} and
 * {@code PUT|GET|DELETE /tenants/{tenantId}/members/{subject}} with {@code {"roles": [...]}}.
 * Each request is decided first, under the configured policy, tenant isolation on {@code tenantId}
 * and the permission {@code tenant:admin}; an authenticated caller is required even when that
 * policy runs dry. Lists are paged ({@code page} from 0, {@code size} up to {@value #MAX_PAGE_SIZE}).
 * Every error is an RFC 9457 problem; the rules of each change are {@link TenantRoles}'.
 */
public final class TenantAdminEndpoints implements DirectEndpoints {

    /** The largest page a list answers. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String TENANT = "tenantId";
    private static final List<Route> ROUTES = List.of(new Route("/tenants/{tenantId}/roles", Kind.ROLES, "GET"),
            new Route("/tenants/{tenantId}/roles/{role}", Kind.ROLE, "GET, PUT, DELETE"),
            new Route("/tenants/{tenantId}/members", Kind.MEMBERS, "GET"),
            new Route("/tenants/{tenantId}/members/{subject}", Kind.MEMBER, "GET, PUT, DELETE"));

    private final String path;
    private final EffectivePolicy policy;
    private final AuthService authService;
    private final TenantRoles roles;
    private final boolean storeMayBlock;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param path where the API is served, such as {@code /tenant-admin}
     * @param policy who may call it: the configured policy with tenant isolation on {@code tenantId}
     *        and the permission {@code tenant:admin}
     * @param authService decides each request
     * @param roles the roles and members it manages
     * @param storeMayBlock whether the roles' store waits on I/O
     */
    public TenantAdminEndpoints(String path, EffectivePolicy policy, AuthService authService, TenantRoles roles,
            boolean storeMayBlock) {
        this.path = path;
        this.policy = policy;
        this.authService = authService;
        this.roles = roles;
        this.storeMayBlock = storeMayBlock;
    }

    @Override
    public @Nullable String endpoint(String rawPath) {
        return rawPath.startsWith(path + "/") ? rawPath.substring(path.length()) : null;
    }

    @Override
    public boolean readsBody(String endpoint, String method) {
        return "PUT".equals(method);
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    public boolean mayBlock() {
        return storeMayBlock || policy.executor().mayBlock();
    }

    @Override
    public List<MappedPolicy> mappedPolicies() {
        List<MappedPolicy> mapped = new ArrayList<>();
        for (Route route : ROUTES) {
            for (String method : route.methods().split(", ")) {
                mapped.add(new MappedPolicy(path + route.pattern().getPatternString(), method, "tenant admin API",
                        policy.names(), policy.requirements(), policy.source(), policy.enforcement(), false, false,
                        policy.tenant()));
            }
        }
        return mapped;
    }

    @Override
    public PolicyResponse answer(EndpointRequest request) {
        PathContainer endpoint = PathContainer.parsePath(request.endpoint());
        for (Route route : ROUTES) {
            PathPattern.PathMatchInfo match = route.pattern().matchAndExtract(endpoint);
            if (match != null) {
                return route.allows(request.method()) ? decided(request, endpoint, route, match.getUriVariables())
                        : PolicyResponse.problem(405, "method-not-allowed", "Method not allowed",
                                "This resource answers " + route.methods() + ".", null)
                                .withHeader("Allow", route.methods());
            }
        }
        return notFound("No such resource of the tenant admin API.");
    }

    private PolicyResponse decided(EndpointRequest request, PathContainer endpoint, Route route,
            Map<String, String> variables) {
        SecurityRequestContext context = SecurityRequestContext.builder(request.peerAddress(), request.headers(),
                request.method(), path + MatchedPaths.valueToMatch(endpoint)).query(request.query())
                .pathVariables(variables).build();
        Decision decision = authService.decide(context, policy.executor(), policy.enforcement());
        if (!(decision instanceof Decision.Granted granted)) {
            return PolicyResponse.refusal(decision, policy.name());
        }
        AuthenticatedUser caller = granted.user();
        if (caller.isAnonymous()) {
            return PolicyResponse.problem(403, "forbidden", "Access denied",
                    "The tenant admin API needs an authenticated caller.", policy.name());
        }
        try {
            return handle(request, route.kind(), variables, TenantActor.of(caller));
        }
        catch (TenantRoleException refused) {
            return refusedChange(refused);
        }
        catch (AdminRequestBody.InvalidBodyException | InvalidQueryException invalid) {
            return PolicyResponse.problem(400, "invalid-request", "Invalid request", invalid.getMessage(), null);
        }
        catch (AuthException undecidable) {
            return PolicyResponse.denied(undecidable, policy.name());
        }
        catch (RuntimeException broke) {
            return PolicyResponse.failed(broke, policy.name());
        }
    }

    private PolicyResponse handle(EndpointRequest request, Kind kind, Map<String, String> variables,
            TenantActor actor) {
        String tenant = variables.get(TENANT);
        String method = request.method();
        return switch (kind) {
            case ROLES -> {
                Page page = Page.of(request.query());
                yield page(roles.roles(tenant, page.offset(), page.size()).stream().map(this::role).toList(), page);
            }
            case MEMBERS -> {
                Page page = Page.of(request.query());
                yield page(roles.members(tenant, page.offset(), page.size()).stream().map(this::member).toList(),
                        page);
            }
            case ROLE -> role(request, method, tenant, variables.get("role"), actor);
            case MEMBER -> member(request, method, tenant, variables.get("subject"), actor);
        };
    }

    private PolicyResponse role(EndpointRequest request, String method, String tenant, String name,
            TenantActor actor) {
        if ("GET".equals(method)) {
            return roles.role(tenant, name).map(role -> ok(200, role(role)))
                    .orElseGet(() -> notFound("The tenant defines no such role."));
        }
        if ("DELETE".equals(method)) {
            return roles.remove(actor, tenant, name) ? PolicyResponse.bodiless(204, List.of())
                    : notFound("The tenant defines no such role.");
        }
        AdminRequestBody body = body(request, Set.of("permissions", "description"));
        boolean existed = roles.role(tenant, name).isPresent();
        TenantRole defined = roles.define(actor, tenant, name, body.strings("permissions"),
                body.optionalString("description"));
        return ok(existed ? 200 : 201, role(defined));
    }

    private PolicyResponse member(EndpointRequest request, String method, String tenant, String subject,
            TenantActor actor) {
        if ("GET".equals(method)) {
            return roles.member(tenant, subject).map(member -> ok(200, member(member)))
                    .orElseGet(() -> notFound("The tenant assigned no role to this subject."));
        }
        if ("DELETE".equals(method)) {
            return roles.unassign(actor, tenant, subject) ? PolicyResponse.bodiless(204, List.of())
                    : notFound("The tenant assigned no role to this subject.");
        }
        AdminRequestBody body = body(request, Set.of("roles"));
        boolean existed = roles.member(tenant, subject).isPresent();
        return ok(existed ? 200 : 201, member(roles.assign(actor, tenant, subject, body.strings("roles"))));
    }

    private static AdminRequestBody body(EndpointRequest request, Set<String> fields) {
        byte[] body = request.body();
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw new AdminRequestBody.InvalidBodyException("The body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return AdminRequestBody.parse(body, fields);
    }

    private Map<String, Object> role(TenantRole role) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", role.name());
        json.put("permissions", new TreeSet<>(role.permissions()));
        if (role.description() != null) {
            json.put("description", role.description());
        }
        return json;
    }

    private Map<String, Object> member(TenantMember member) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", member.subject());
        json.put("roles", new TreeSet<>(member.roles()));
        return json;
    }

    private PolicyResponse page(List<Map<String, Object>> items, Page page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("page", page.number());
        json.put("size", page.size());
        return ok(200, json);
    }

    private PolicyResponse ok(int status, Object document) {
        return PolicyResponse.json(status, List.of(), json.writeValueAsBytes(document));
    }

    private static PolicyResponse notFound(String detail) {
        return PolicyResponse.problem(404, "not-found", "Not found", detail, null);
    }

    private static PolicyResponse refusedChange(TenantRoleException refused) {
        return switch (refused.kind()) {
            case INVALID -> PolicyResponse.problem(400, "invalid-request", "Invalid request", refused.getMessage(),
                    null);
            case FORBIDDEN -> PolicyResponse.problem(403, "forbidden", "Access denied", refused.getMessage(), null);
            case NOT_FOUND -> notFound(refused.getMessage());
            case CONFLICT -> PolicyResponse.problem(409, "conflict", "Conflict", refused.getMessage(), null);
        };
    }

    private enum Kind {
        ROLES, ROLE, MEMBERS, MEMBER
    }

    private record Route(PathPattern pattern, Kind kind, String methods) {

        Route(String pattern, Kind kind, String methods) {
            this(PathPatternParser.defaultInstance.parse(pattern), kind, methods);
        }

        boolean allows(String method) {
            return List.of(methods.split(", ")).contains(method);
        }
    }

    /** A page asked for by {@code page} and {@code size}. */
    private record Page(int number, int size) {

        static Page of(@Nullable String query) {
            int number = 0;
            int size = DEFAULT_PAGE_SIZE;
            if (query != null && !query.isEmpty()) {
                for (String parameter : query.split("&")) {
                    String[] pair = parameter.split("=", 2);
                    if (pair[0].equals("page")) {
                        number = number(pair, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
                    }
                    else if (pair[0].equals("size")) {
                        size = number(pair, 1, MAX_PAGE_SIZE);
                    }
                }
            }
            return new Page(number, size);
        }

        int offset() {
            return number * size;
        }

        private static int number(String[] pair, int min, int max) {
            try {
                int value = Integer.parseInt(pair.length == 2 ? pair[1] : "");
                if (value >= min && value <= max) {
                    return value;
                }
            }
            catch (NumberFormatException notANumber) {
                // Refused below.
            }
            throw new InvalidQueryException("'" + pair[0] + "' must be a number from " + min + " to " + max + ".");
        }
    }

    /** A query the admin API cannot read: 400. */
    private static final class InvalidQueryException extends RuntimeException {

        InvalidQueryException(String message) {
            super(message, null, false, false);
        }
    }
}
