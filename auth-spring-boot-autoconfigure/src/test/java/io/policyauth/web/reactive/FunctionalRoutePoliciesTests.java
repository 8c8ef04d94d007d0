package io.policyauth.web.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.scheduler.Schedulers;

import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.Enforcement;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.PublicExecutor;
import io.policyauth.web.EffectivePolicies;
import io.policyauth.web.MappedHandler;
import io.policyauth.web.PolicySource;
import io.policyauth.web.TestExecutors;

/**
 * Routes that name their policy in code: decided by their own filter, with the problem response
 * and the user of any front, and listed in the policy map under that policy.
 */
class FunctionalRoutePoliciesTests {

    private final AuthService authService = new AuthService(new AuthExecutorRegistry(List.of(new PublicExecutor(),
            new TestExecutors.TokenHeader("token")), Map.of()), new DecisionMetrics(new SimpleMeterRegistry()));
    private final FunctionalRoutePolicies policies = new FunctionalRoutePolicies(new EffectivePolicies(authService,
            "public", List.of(), new PolicyModes(Enforcement.ENFORCE, Map.of()), (handlerType, path) -> false),
            new ReactivePolicyRunner(authService, Schedulers.immediate()));
    private final RouterFunction<ServerResponse> routes = policies.requires(RouterFunctions.route()
            .GET("/reports", request -> ServerResponse.ok().bodyValue(PolicyAuthExchange.user(request.exchange())
                    .subject())).build(), "token")
            .and(policies.requires(RouterFunctions.route().GET("/welcome", request -> ServerResponse.ok()
                    .bodyValue("hello")).build(), "public"));

    @Test
    void aRouteIsDecidedByThePolicyItNames() {
        WebTestClient client = WebTestClient.bindToRouterFunction(routes).build();

        client.get().uri("/reports").exchange().expectStatus().isUnauthorized().expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Token realm=\"test\"").expectHeader()
                .contentType("application/problem+json").expectBody().jsonPath("$.policy").isEqualTo("token");
        client.get().uri("/reports").header(HttpHeaders.AUTHORIZATION, "Token alice").exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("alice");
        client.get().uri("/welcome").exchange().expectStatus().isOk();
    }

    @Test
    void theRoutesAreListedUnderThePoliciesTheyName() {
        List<MappedHandler> listed = FunctionalRoutes.of(routes);

        assertThat(listed).extracting(handler -> handler.patterns() + " " + handler.policy().names() + " "
                + handler.policy().source()).containsExactly("[/reports] [token] " + PolicySource.FUNCTIONAL_ROUTE,
                        "[/welcome] [public] " + PolicySource.FUNCTIONAL_ROUTE);
    }
}
