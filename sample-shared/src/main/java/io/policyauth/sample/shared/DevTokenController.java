package io.policyauth.sample.shared;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.jwt.TokenIssuer;
import io.policyauth.web.RequiresPolicy;

/**
 * Hands out development tokens signed with the sample's dev secret. Guarded by {@code internal},
 * so only callers on this machine get one.
 */
@RestController
public class DevTokenController {

    private final TokenIssuer tokenIssuer;

    DevTokenController(TokenIssuer tokenIssuer) {
        this.tokenIssuer = tokenIssuer;
    }

    @PostMapping(path = "/dev/token", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPolicy("internal")
    Map<String, Object> token(@RequestParam(defaultValue = "dev-user") String subject,
            @RequestParam(defaultValue = "") List<String> scope, @RequestParam(defaultValue = "") List<String> role,
            @RequestParam(required = false) String tenant) {
        return Map.of("access_token", tokenIssuer.createToken(subject, scope, role, tenant), "token_type", "Bearer");
    }
}
