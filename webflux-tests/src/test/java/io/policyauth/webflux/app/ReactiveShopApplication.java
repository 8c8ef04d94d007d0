package io.policyauth.webflux.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.webflux.PolicyAuthExchange;
import io.policyauth.webflux.RoutePolicies;

/** A reactive user's application: annotated controllers and functional routes. */
@SpringBootApplication
public class ReactiveShopApplication {

    /** Every decision's audit event, as an application listener receives it. */
    public final List<AuthDecisionEvent> decisions = new CopyOnWriteArrayList<>();

    @Bean
    RouterFunction<ServerResponse> functionalRoutes(RoutePolicies routePolicies) {
        RouterFunction<ServerResponse> plain = RouterFunctions.route()
                .GET("/fn/open", request -> caller(request))
                .GET("/fn/default", request -> caller(request))
                .build();
        RouterFunction<ServerResponse> named = routePolicies.requires(RouterFunctions.route()
                .GET("/fn/reports", request -> caller(request)).build(), "shared_api_key");
        RouterFunction<ServerResponse> open = routePolicies.requires(RouterFunctions.route()
                .GET("/fn/welcome", request -> caller(request)).build(), "public");
        return plain.and(named).and(open);
    }

    /* A filter after the policy filter that rewrites the path, as a URL-rewriting filter would. */
    @Bean
    WebFilter rewritingFilter() {
        return (exchange, chain) -> {
            String target = exchange.getRequest().getHeaders().getFirst("X-Rewrite-To");
            return chain.filter(target == null ? exchange
                    : exchange.mutate().request(request -> request.path(target)).build());
        };
    }

    private static Mono<ServerResponse> caller(ServerRequest request) {
        return ServerResponse.ok().bodyValue(Map.of("subject",
                PolicyAuthExchange.user(request.exchange()).subject()));
    }

    @EventListener
    void record(AuthDecisionEvent decision) {
        decisions.add(decision);
    }
}
