package io.policyauth.web.reactive.app;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.RequiresPolicy;

/** The servlet twin's endpoints, reactive. */
@RestController
public class ShopController {

    @GetMapping("/hello")
    @RequiresPolicy("public")
    public Mono<Map<String, Object>> hello(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/orders")
    public Mono<Map<String, Object>> orders(AuthenticatedUser user) {
        return caller(user);
    }

    @PostMapping("/orders")
    @RequiresPolicy(value = "private", scopes = "orders:write")
    public Mono<Map<String, Object>> createOrder(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/admin")
    @RequiresPolicy(value = "private", roles = "admin")
    public Mono<Map<String, Object>> admin(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/reports")
    @RequiresPolicy("shared_api_key")
    public Mono<Map<String, Object>> reports(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/either")
    @RequiresPolicy("key-or-token")
    public Mono<Map<String, Object>> either(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/clients/me")
    @RequiresPolicy("db_api_key")
    public Mono<Map<String, Object>> client(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/ops/status")
    @RequiresPolicy("internal")
    public Mono<Map<String, Object>> ops(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/trial")
    @RequiresPolicy("trial")
    public Mono<Map<String, Object>> trial(AuthenticatedUser user) {
        return caller(user);
    }

    private static Mono<Map<String, Object>> caller(AuthenticatedUser user) {
        return Mono.just(Map.of("subject", user.subject(), "mechanism", user.mechanism()));
    }
}
