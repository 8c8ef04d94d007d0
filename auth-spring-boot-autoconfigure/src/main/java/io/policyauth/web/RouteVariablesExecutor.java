package io.policyauth.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.pattern.PathPattern;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.DelegatingExecutor;
import io.policyauth.core.SecurityRequestContext;

/**
 * A route's policy, deciding with the route pattern's variables: the handler a routed request
 * reaches may name its variables otherwise, or be a functional route or a gateway's upstream.
 */
final class RouteVariablesExecutor extends DelegatingExecutor {

    private final PathPattern pattern;

    RouteVariablesExecutor(AuthExecutor policy, PathPattern pattern) {
        super(policy);
        this.pattern = pattern;
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        return delegate.execute(withRouteVariables(context));
    }

    @Override
    public @Nullable String targetTenant(SecurityRequestContext context) {
        return delegate.targetTenant(withRouteVariables(context));
    }

    private SecurityRequestContext withRouteVariables(SecurityRequestContext context) {
        PathPattern.PathMatchInfo match = pattern.matchAndExtract(MatchedPaths.parseValueToMatch(context.path()));
        return context.withPathVariables(match == null ? Map.of() : match.getUriVariables());
    }
}
