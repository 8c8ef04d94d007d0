package io.policyauth.web.reactive.app;

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
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.web.reactive.FunctionalRoutePolicies;
import io.policyauth.web.reactive.PolicyAuthExchange;

/** A reactive user's application: annotated controllers and functional routes. */
@SpringBootApplication
public class ReactiveShopApplication {

    /** Every decision's audit event, as an application listener receives it. */
    public final List<AuthDecisionEvent> decisions = new CopyOnWriteArrayList<>();

    @Bean
    RouterFunction<ServerResponse> functionalRoutes(FunctionalRoutePolicies policies) {
        RouterFunction<ServerResponse> plain = RouterFunctions.route()
                .GET("/fn/open", request -> caller(request))
                .GET("/fn/default", request -> caller(request))
                .build();
        RouterFunction<ServerResponse> named = policies.requires(RouterFunctions.route()
                .GET("/fn/reports", request -> caller(request)).build(), "shared_api_key");
        RouterFunction<ServerResponse> open = policies.requires(RouterFunctions.route()
                .GET("/fn/welcome", request -> caller(request)).build(), "public");
        RouterFunction<ServerResponse> broken = policies.requires(RouterFunctions.route()
                .GET("/fn/broken", request -> caller(request)).build(), "broken");
        return plain.and(named).and(open).and(broken);
    }

    /** A policy with a bug: it throws what no policy should. */
    @Bean
    AuthExecutor brokenPolicy() {
        return new AuthExecutor() {

            @Override
            public String policy() {
                return "broken";
            }

            @Override
            public boolean mayBlock() {
                return false;
            }

            @Override
            public AuthenticatedUser execute(SecurityRequestContext context) {
                throw new IllegalStateException("the policy failed");
            }
        };
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
