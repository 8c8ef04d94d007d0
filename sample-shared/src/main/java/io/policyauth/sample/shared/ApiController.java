package io.policyauth.sample.shared;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.jwt.TokenDenylist;
import io.policyauth.web.RequiresPolicy;

/** One endpoint per policy; each answers with who the caller was authenticated as. */
@RestController
@RequestMapping("/api")
public class ApiController {

    private final TokenDenylist denylist;

    ApiController(TokenDenylist denylist) {
        this.denylist = denylist;
    }

    /** Revokes the caller's own token: its next request gets 401. */
    @PostMapping("/logout")
    @RequiresPolicy("private")
    ResponseEntity<Void> logout(AuthenticatedUser user) {
        denylist.revoke(user.tokenId(), user.expiresAt());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/hello")
    @RequiresPolicy("public")
    Map<String, Object> hello(AuthenticatedUser user) {
        return Map.of("message", "Hello from policy-auth", "caller", describe(user));
    }

    /** No annotation: gets policy-auth.default-policy ("private": a bearer token). */
    @GetMapping("/me")
    Map<String, Object> me(AuthenticatedUser user) {
        return describe(user);
    }

    @GetMapping("/partner/report")
    @RequiresPolicy("shared_api_key")
    Map<String, Object> partnerReport(AuthenticatedUser user) {
        return Map.of("report", "weekly totals", "caller", describe(user));
    }

    @GetMapping("/client/whoami")
    @RequiresPolicy("db_api_key")
    Map<String, Object> client(AuthenticatedUser user) {
        return Map.of("owner", user.subject(), "keyId", user.tokenId(), "scopes", user.scopes());
    }

    @GetMapping("/internal/status")
    @RequiresPolicy("internal")
    Map<String, Object> internalStatus(AuthenticatedUser user) {
        return Map.of("status", "ok", "caller", describe(user));
    }

    @PostMapping("/orders")
    @RequiresPolicy(value = "private", scopes = "orders:write")
    Map<String, Object> createOrder(AuthenticatedUser user) {
        return Map.of("created", true, "by", user.subject());
    }

    @GetMapping("/either")
    @RequiresPolicy({"private", "shared_api_key"})
    Map<String, Object> either(AuthenticatedUser user) {
        return describe(user);
    }

    static Map<String, Object> describe(AuthenticatedUser user) {
        return Map.of("subject", user.subject(), "mechanism", user.mechanism(), "scopes", user.scopes(),
                "roles", user.roles());
    }
}
