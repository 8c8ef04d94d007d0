package io.policyauth.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.apikey.ApiKeyMetadata;
import io.policyauth.apikey.IssuedApiKey;
import io.policyauth.apikey.KeyUsage;
import io.policyauth.web.RequiresPolicy;

/**
 * Issues, lists, rotates and revokes per-client API keys, and shows what each did. Guarded by {@code internal}: only
 * callers on this machine manage keys. The plaintext key is in the issue and rotate responses and
 * nowhere else, ever.
 */
@RestController
@RequestMapping("/admin/keys")
@RequiresPolicy("internal")
class KeyAdminController {

    private final ApiKeyManager keys;

    KeyAdminController(ApiKeyManager keys) {
        this.keys = keys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedApiKey issue(@RequestParam String owner, @RequestParam(defaultValue = "default") String name,
            @RequestParam(defaultValue = "") List<String> scope, @RequestParam(defaultValue = "") List<String> role,
            @RequestParam(name = "expires-in", required = false) Duration expiresIn) {
        return keys.issue(owner, name, scope, role, expiresIn == null ? null : Instant.now().plus(expiresIn));
    }

    @GetMapping
    List<ApiKeyMetadata> list(@RequestParam String owner) {
        return keys.list(owner);
    }

    @PostMapping("/{keyId}/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedApiKey rotate(@PathVariable String keyId, @RequestParam(defaultValue = "PT1H") Duration grace) {
        return keys.rotate(keyId, grace);
    }

    @DeleteMapping("/{keyId}")
    ResponseEntity<Void> revoke(@PathVariable String keyId) {
        return keys.revoke(keyId) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** What the key did per UTC day (granted, refused by reason, credits spent), the last 30 days by default. */
    @GetMapping("/{keyId}/usage")
    List<KeyUsage> usage(@PathVariable String keyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        return keys.usage(keyId, from == null ? last.minusDays(29) : from, last);
    }

    /** An unknown key id or a negative grace period is the client's mistake, not a server error. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badRequest(IllegalArgumentException invalid) {
        return ResponseEntity.badRequest().body(invalid.getMessage());
    }
}
