package io.policyauth.web.reactive;

import java.util.List;
import java.util.Map;

import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import io.policyauth.core.Decision;
import io.policyauth.core.Requirements;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.EffectivePolicy;
import io.policyauth.web.PolicyAuthAttributes;
import io.policyauth.web.PolicyResponse;
import io.policyauth.web.PolicySource;

/**
 * Policies named in code by functional routes, as {@code @RequiresPolicy} names them on
 * controllers:
 *
 * <pre>{@code
 * RouterFunction<ServerResponse> reports = policies.requires(
 *         route().GET("/reports", handler::reports).build(), "shared_api_key");
 * }</pre>
 *
 * {@link #requires} adds the {@link HandlerFilterFunction} of {@link #filter} to the route and, when
 * the route matches a request, marks the exchange ({@link #ATTRIBUTE}), so that
 * {@link PolicyWebFilter} leaves it to that filter instead of deciding it with the route rules and
 * the default policy. A filter added on its own, without the mark, is checked on top of those.
 */
public final class FunctionalRoutePolicies {

    /** The exchange attribute that marks a request whose route is decided by its own policy filter. */
    public static final String ATTRIBUTE = FunctionalRoutePolicies.class.getName() + ".policies";

    private final EffectivePolicies policies;
    private final ReactivePolicyRunner runner;

    /**
     * @param policies compiles the named policies as an endpoint's (modes, tenant isolation)
     * @param runner runs the policies
     */
    public FunctionalRoutePolicies(EffectivePolicies policies, ReactivePolicyRunner runner) {
        this.policies = policies;
        this.runner = runner;
    }

    /**
     * @param route a functional route (or several)
     * @param policies the policies that admit it, any of them
     * @param <T> the response type
     * @return the route, decided by those policies alone
     * @throws io.policyauth.core.PolicyAuthConfigurationException when a name is not registered
     */
    @SuppressWarnings("unchecked")
    public <T extends ServerResponse> RouterFunction<T> requires(RouterFunction<T> route, String... policies) {
        EffectivePolicy policy = policy(policies);
        HandlerFilterFunction<T, T> filter = (HandlerFilterFunction<T, T>) (HandlerFilterFunction<?, ?>) filter(
                policy);
        return new PolicyRoute<>(route.filter(filter), policy);
    }

    /**
     * @param policies the policies that admit the route, any of them
     * @return a filter that decides each request of the route with them, as the web filter decides
     *         annotated handlers: 401, 403 or 503 problem responses, the user as the exchange
     *         attribute {@link PolicyAuthAttributes#USER}
     * @throws io.policyauth.core.PolicyAuthConfigurationException when a name is not registered
     */
    public HandlerFilterFunction<ServerResponse, ServerResponse> filter(String... policies) {
        return filter(policy(policies));
    }

    private EffectivePolicy policy(String... names) {
        return policies.forNames(List.of(names), Requirements.NONE, "", PolicySource.FUNCTIONAL_ROUTE);
    }

    private HandlerFilterFunction<ServerResponse, ServerResponse> filter(EffectivePolicy policy) {
        return (request, next) -> runner.decide(request.exchange(), policy).flatMap(decision -> {
            if (decision instanceof Decision.Granted granted) {
                granted.headers().forEach(request.exchange().getResponse().getHeaders()::set);
                request.exchange().getAttributes().put(PolicyAuthAttributes.USER, granted.user());
                return next.handle(request);
            }
            PolicyResponse refusal = PolicyResponse.refusal(decision, policy.name());
            // The response's status is the refusal's, for filters that read it; the writer sets the rest.
            return ServerResponse.status(refusal.status()).build((exchange, context) ->
                    ReactiveResponseWriter.write(exchange.getResponse(), refusal));
        });
    }

    static boolean decidesItself(Map<String, Object> exchangeAttributes) {
        return exchangeAttributes.containsKey(ATTRIBUTE);
    }

    /**
     * A route decided by its own policies: marks the exchange when it matches, and describes
     * itself to visitors (the policy map) as its route under those policies.
     */
    record PolicyRoute<T extends ServerResponse>(RouterFunction<T> filtered, EffectivePolicy policy)
            implements RouterFunction<T> {

        @Override
        public Mono<HandlerFunction<T>> route(ServerRequest request) {
            return filtered.route(request).doOnNext(handler -> request.attributes().put(ATTRIBUTE, policy.names()));
        }
    }
}
