package io.policyauth.web.reactive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

import io.policyauth.web.EffectivePolicy;
import io.policyauth.web.MappedHandler;

/**
 * The functional routes of a {@link RouterFunction}, as far as their predicates state a path and
 * methods: one {@link MappedHandler} per route, nested paths joined, under the policy that
 * {@code FunctionalRoutePolicies.requires} gave it, if any. A route whose predicate states no path, or a
 * router function that does not describe itself, is left out.
 */
final class FunctionalRoutes implements RouterFunctions.Visitor, RequestPredicates.Visitor {

    private static final String NAME = "router function";

    private final List<MappedHandler> routes = new ArrayList<>();
    private final Deque<String> prefixes = new ArrayDeque<>();
    private final Deque<EffectivePolicy> policies = new ArrayDeque<>();
    private String path = "";
    private final Set<RequestMethod> methods = EnumSet.noneOf(RequestMethod.class);

    private FunctionalRoutes() {
    }

    static List<MappedHandler> of(RouterFunction<?> routerFunction) {
        FunctionalRoutes visitor = new FunctionalRoutes();
        routerFunction.accept(visitor);
        return visitor.routes;
    }

    @Override
    public void startNested(RequestPredicate predicate) {
        path = "";
        predicate.accept(this);
        prefixes.push(prefix() + path);
    }

    @Override
    public void endNested(RequestPredicate predicate) {
        prefixes.pop();
    }

    @Override
    public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
        path = "";
        methods.clear();
        predicate.accept(this);
        if (!path.isEmpty()) {
            Set<String> patterns = Set.of(prefix() + path);
            routes.add(policies.isEmpty() ? MappedHandler.unannotated(patterns, methods, NAME)
                    : MappedHandler.namingItsPolicy(patterns, methods, NAME, policies.peek()));
        }
    }

    @Override
    public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
    }

    @Override
    public void attributes(Map<String, Object> attributes) {
    }

    @Override
    public void unknown(RouterFunction<?> routerFunction) {
        if (routerFunction instanceof FunctionalRoutePolicies.PolicyRoute<?> policyRoute) {
            policies.push(policyRoute.policy());
            policyRoute.filtered().accept(this);
            policies.pop();
        }
    }

    @Override
    public void method(Set<HttpMethod> httpMethods) {
        httpMethods.forEach(method -> Optional.ofNullable(RequestMethod.resolve(method)).ifPresent(methods::add));
    }

    @Override
    public void path(String pattern) {
        path = path + pattern;
    }

    @Override
    public void pathExtension(String extension) {
    }

    @Override
    public void header(String name, String value) {
    }

    @Override
    public void queryParam(String name, String value) {
    }

    @Override
    public void version(String version) {
    }

    @Override
    public void startAnd() {
    }

    @Override
    public void and() {
    }

    @Override
    public void endAnd() {
    }

    @Override
    public void startOr() {
    }

    @Override
    public void or() {
    }

    @Override
    public void endOr() {
    }

    @Override
    public void startNegate() {
    }

    @Override
    public void endNegate() {
    }

    @Override
    public void unknown(RequestPredicate predicate) {
    }

    private String prefix() {
        return prefixes.isEmpty() ? "" : prefixes.peek();
    }
}
