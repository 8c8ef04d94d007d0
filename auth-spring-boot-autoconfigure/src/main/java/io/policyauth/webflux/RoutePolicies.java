package io.policyauth.webflux;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import io.policyauth.core.AuthService;
import io.policyauth.core.Policies;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.Requirements;
import io.policyauth.web.HandlerPolicy;
import io.policyauth.web.PolicySource;
import io.policyauth.web.ProblemResponse;

/**
 * Policies named in code by functional routes, as {@code @RequiresPolicy} names them on
 * controllers:
 *
 * <pre>{@code
 * RouterFunction<ServerResponse> reports = routePolicies.requires(
 *         route().GET("/reports", handler::reports).build(), "shared_api_key");
 * }</pre>
 *
 * {@link #requires} adds the {@link HandlerFilterFunction} of {@link #filter} to the route and, when
 * the route matches a request, marks the exchange ({@link #ATTRIBUTE}), so that
 * {@link PolicyWebFilter} leaves it to that filter instead of deciding it with the route rules and
 * the default policy. A filter added on its own, without the mark, is checked on top of those.
 */
public final class RoutePolicies {

    /** The exchange attribute that marks a request whose route is decided by its own policy filter. */
    public static final String ATTRIBUTE = RoutePolicies.class.getName() + ".policies";

    private final AuthService authService;
    private final PolicyModes modes;
    private final ReactiveDecisions decisions;

    /**
     * @param authService resolves policy names
     * @param modes which policies are enforced or run dry
     * @param decisions runs the policies
     */
    public RoutePolicies(AuthService authService, PolicyModes modes, ReactiveDecisions decisions) {
        this.authService = authService;
        this.modes = modes;
        this.decisions = decisions;
    }

    /**
     * @param route a functional route (or several)
     * @param policies the policies that admit it, any of them
     * @param <T> the response type
     * @return the route, decided by those policies alone
     * @throws io.policyauth.core.UnknownPolicyException when a name is not registered
     */
    @SuppressWarnings("unchecked")
    public <T extends ServerResponse> RouterFunction<T> requires(RouterFunction<T> route, String... policies) {
        HandlerPolicy policy = policy(policies);
        HandlerFilterFunction<T, T> filter = (HandlerFilterFunction<T, T>) (HandlerFilterFunction<?, ?>) filter(
                policy);
        return new PolicyRoute<>(route.filter(filter), policy);
    }

    /**
     * @param policies the policies that admit the route, any of them
     * @return a filter that decides each request of the route with them, as the web filter decides
     *         annotated handlers: 401, 403 or 503 problem responses, the user as the exchange
     *         attribute {@link PolicyWebFilter#USER_ATTRIBUTE}
     * @throws io.policyauth.core.UnknownPolicyException when a name is not registered
     */
    public HandlerFilterFunction<ServerResponse, ServerResponse> filter(String... policies) {
        return filter(policy(policies));
    }

    private HandlerPolicy policy(String... policies) {
        List<String> names = List.of(policies);
        return new HandlerPolicy(names, Requirements.NONE,
                Policies.anyOf(names.stream().map(authService.registry()::get).toList()), PolicySource.FUNCTIONAL_ROUTE,
                modes.of(names));
    }

    private HandlerFilterFunction<ServerResponse, ServerResponse> filter(HandlerPolicy policy) {
        return (request, next) -> decisions.decide(request.exchange(), policy).flatMap(decision -> {
            if (decision.user() != null) {
                request.exchange().getAttributes().put(PolicyWebFilter.USER_ATTRIBUTE, decision.user());
                return next.handle(request);
            }
            return response(decision.denial() != null ? ProblemResponse.of(decision.denial(), policy.name())
                    : ProblemResponse.error(policy.name()));
        });
    }

    static boolean decidesItself(Map<String, Object> exchangeAttributes) {
        return exchangeAttributes.containsKey(ATTRIBUTE);
    }

    /**
     * A route decided by its own policies: marks the exchange when it matches, and describes
     * itself to visitors (the policy map) as its route under those policies.
     */
    record PolicyRoute<T extends ServerResponse>(RouterFunction<T> filtered, HandlerPolicy policy)
            implements RouterFunction<T> {

        @Override
        public Mono<HandlerFunction<T>> route(ServerRequest request) {
            return filtered.route(request).doOnNext(handler -> request.attributes().put(ATTRIBUTE, policy.names()));
        }
    }

    private static Mono<ServerResponse> response(ProblemResponse problem) {
        return ServerResponse.status(HttpStatusCode.valueOf(problem.status()))
                .headers(headers -> problem.headers().forEach(header -> headers.add(header.getKey(),
                        header.getValue())))
                .contentType(MediaType.parseMediaType(ProblemResponse.PROBLEM_JSON)).bodyValue(problem.body());
    }
}
