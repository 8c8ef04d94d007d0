package io.policyauth.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public keys a secret scanner signs its reports with, as GitHub publishes them
 * ({@code {"public_keys": [{"key_identifier", "key" (PEM), "is_current"}]}}): fetched on first use,
 * kept for an hour, fetched again for an identifier not yet known (at most once a minute). Every
 * listed key verifies, current or not: a report signed just before a rotation stays valid.
 */
final class ScannerPublicKeys {

    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration MIN_REFETCH = Duration.ofMinutes(1);
    private static final int MAX_DOCUMENT_BYTES = 256 * 1024;

    private final URI source;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;

    ScannerPublicKeys(URI source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * @param identifier a report's key identifier
     * @return the key, or {@code null} when the scanner lists none by that identifier
     * @throws IllegalStateException when the list cannot be fetched
     */
    synchronized @Nullable PublicKey key(String identifier) {
        Instant now = clock.instant();
        Duration age = Duration.between(fetchedAt, now);
        if (age.compareTo(KEEP) > 0 || !keys.containsKey(identifier) && age.compareTo(MIN_REFETCH) > 0) {
            keys = fetch();
            fetchedAt = now;
        }
        return keys.get(identifier);
    }

    private Map<String, PublicKey> fetch() {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(source).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > MAX_DOCUMENT_BYTES) {
                throw new IllegalStateException("the key list answered " + response.statusCode());
            }
            Map<String, PublicKey> listed = new HashMap<>();
            for (JsonNode entry : json.readTree(response.body()).path("public_keys")) {
                listed.put(entry.path("key_identifier").asString(), publicKey(entry.path("key").asString()));
            }
            return Map.copyOf(listed);
        }
        catch (IOException | GeneralSecurityException | RuntimeException failure) {
            throw new IllegalStateException("The secret scanner's public keys at " + source + " cannot be read",
                    failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching the secret scanner's public keys", interrupted);
        }
    }

    private static PublicKey publicKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(base64.getBytes(StandardCharsets.US_ASCII))));
    }
}
