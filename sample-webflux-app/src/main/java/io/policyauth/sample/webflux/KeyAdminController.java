package io.policyauth.sample.webflux;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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
    Mono<IssuedApiKey> issue(@RequestParam String owner, @RequestParam(defaultValue = "default") String name,
            @RequestParam(defaultValue = "") List<String> scope, @RequestParam(defaultValue = "") List<String> role,
            @RequestParam(name = "expires-in", required = false) Duration expiresIn) {
        return offEventLoop(() -> keys.issue(owner, name, scope, role,
                expiresIn == null ? null : Instant.now().plus(expiresIn)));
    }

    @GetMapping
    Mono<List<ApiKeyMetadata>> list(@RequestParam String owner) {
        return offEventLoop(() -> keys.list(owner));
    }

    @PostMapping("/{keyId}/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<IssuedApiKey> rotate(@PathVariable String keyId, @RequestParam(defaultValue = "PT1H") Duration grace) {
        return offEventLoop(() -> keys.rotate(keyId, grace));
    }

    @DeleteMapping("/{keyId}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String keyId) {
        return offEventLoop(() -> keys.revoke(keyId) ? ResponseEntity.noContent().<Void>build()
                : ResponseEntity.notFound().<Void>build());
    }

    /** What the key did per UTC day (granted, refused by reason, credits spent), the last 30 days by default. */
    @GetMapping("/{keyId}/usage")
    Mono<List<KeyUsage>> usage(@PathVariable String keyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        return offEventLoop(() -> keys.usage(keyId, from == null ? last.minusDays(29) : from, last));
    }

    /* The key store is MongoDB's blocking driver: never on an event loop. */
    private static <T> Mono<T> offEventLoop(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    /** An unknown key id or a negative grace period is the client's mistake, not a server error. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badRequest(IllegalArgumentException invalid) {
        return ResponseEntity.badRequest().body(invalid.getMessage());
    }
}
