package io.policyauth.test.app;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.RequiresPolicy;

/** One endpoint per policy; each answers with the caller it saw. */
@RestController
public class OrderController {

    @GetMapping("/hello")
    @RequiresPolicy("public")
    public Map<String, Object> hello(AuthenticatedUser user) {
        return caller(user);
    }

    /** The default policy, {@code private}. */
    @GetMapping("/orders")
    public Map<String, Object> orders(AuthenticatedUser user) {
        return caller(user);
    }

    @PostMapping("/orders")
    @RequiresPolicy(value = "private", scopes = "orders:write")
    public Map<String, Object> createOrder(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/orders/admin")
    @RequiresPolicy(value = "private", roles = "admin")
    public Map<String, Object> admin(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/orders/refunds")
    @RequiresPolicy(value = "private", permissions = "refunds:read")
    public Map<String, Object> refunds(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/reports")
    @RequiresPolicy("shared_api_key")
    public Map<String, Object> reports(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/keys/me")
    @RequiresPolicy("db_api_key")
    public Map<String, Object> keyOwner(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/internal/metrics")
    @RequiresPolicy("internal")
    public Map<String, Object> internal(AuthenticatedUser user) {
        return caller(user);
    }

    /** Open by the route rule {@code /status/**}. */
    @GetMapping("/status/ping")
    public Map<String, Object> ping(AuthenticatedUser user) {
        return caller(user);
    }

    private static Map<String, Object> caller(AuthenticatedUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", user.subject());
        body.put("scopes", user.scopes());
        body.put("roles", user.roles());
        body.put("tenant", user.tenant());
        return body;
    }
}
