package io.policyauth.openapi.app;

import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.RequiresPolicy;

/** Every way an endpoint gets its policy. */
@RestController
public class ShopController {

    @GetMapping("/hello")
    @RequiresPolicy("public")
    public Map<String, String> hello(AuthenticatedUser user) {
        return caller(user);
    }

    /** The default policy. */
    @GetMapping("/orders")
    public Map<String, String> orders(AuthenticatedUser user) {
        return caller(user);
    }

    @PostMapping("/orders")
    @RequiresPolicy(value = "private", scopes = "orders:write")
    public Map<String, String> createOrder(AuthenticatedUser user) {
        return caller(user);
    }

    @DeleteMapping("/orders/{id}")
    @RequiresPolicy(value = "private", roles = "admin")
    public Map<String, String> deleteOrder(@PathVariable String id, AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/reports")
    @RequiresPolicy({"private", "shared_api_key"})
    public Map<String, String> reports(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/partners/feed")
    @RequiresPolicy("partner-or-key")
    public Map<String, String> partnerFeed(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/staff/desk")
    @RequiresPolicy("staff-on-site")
    public Map<String, String> staffDesk(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/ops/status")
    @RequiresPolicy("internal")
    public Map<String, String> opsStatus(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/kx/query")
    @RequiresPolicy("kx")
    public Map<String, String> kxQuery(AuthenticatedUser user) {
        return caller(user);
    }

    @GetMapping("/maybe")
    @RequiresPolicy({"public", "private"})
    public Map<String, String> maybe(AuthenticatedUser user) {
        return caller(user);
    }

    /** Routes: GET is public, anything else needs catalog:write. */
    @GetMapping("/catalog/{sku}")
    public Map<String, String> item(@PathVariable String sku, AuthenticatedUser user) {
        return caller(user);
    }

    @PutMapping("/catalog/{sku}")
    public Map<String, String> putItem(@PathVariable String sku, AuthenticatedUser user) {
        return caller(user);
    }

    private static Map<String, String> caller(AuthenticatedUser user) {
        return Map.of("subject", user.subject());
    }
}
