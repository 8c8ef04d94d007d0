package io.policyauth.admin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.apikey.ApiKeyMetadata;
import io.policyauth.apikey.ApiKeyStoreException;
import io.policyauth.core.AuditLine;
import io.policyauth.core.Enforcement;
import io.policyauth.core.Requirements;
import io.policyauth.core.Sha256;
import io.policyauth.core.TenantBinding;
import io.policyauth.web.DirectEndpoints;
import io.policyauth.web.EndpointRequest;
import io.policyauth.web.MappedPolicy;
import io.policyauth.web.PolicyResponse;
import io.policyauth.web.PolicySource;

/**
 * The endpoint of GitHub's secret scanning partner program: a report of API keys found in public
 * code, signed by GitHub (ECDSA P-256 with SHA-256 over the raw body, the key named in
 * {@code Github-Public-Key-Identifier}, the signature in {@code Github-Public-Key-Signature}). A
 * report whose signature does not verify is refused and changes nothing; otherwise each reported
 * key that is one of the store's is revoked and audited ({@code key_leaked}, with where it was
 * found), and the answer labels each {@code true_positive} or {@code false_positive}, by the
 * SHA-256 of the key, as the protocol asks. No policy applies: the signature is the credential.
 */
public final class SecretScanningEndpoints implements DirectEndpoints {

    /** The reason audited for a revoked key. */
    public static final String KEY_LEAKED = "key_leaked";

    static final String KEY_IDENTIFIER = "Github-Public-Key-Identifier";
    static final String SIGNATURE = "Github-Public-Key-Signature";

    private static final Logger audit = LoggerFactory.getLogger(AuditLine.LOGGER);
    private static final int MAX_REPORT_BYTES = 1024 * 1024;

    private final String path;
    private final ApiKeyManager keys;
    private final ScannerPublicKeys publicKeys;
    private final Consumer<LeakedApiKey> leaks;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param path where reports are posted
     * @param keys the API keys reported keys are looked up in, and revoked by
     * @param publicKeysUri where the scanner publishes the keys it signs with
     * @param clock the application's clock, for caching the published keys
     * @param leaks told of each key revoked, after it is
     */
    public SecretScanningEndpoints(String path, ApiKeyManager keys, URI publicKeysUri, Clock clock,
            Consumer<LeakedApiKey> leaks) {
        this.path = path;
        this.keys = keys;
        this.publicKeys = new ScannerPublicKeys(publicKeysUri, clock);
        this.leaks = leaks;
    }

    /**
     * A key a scanner found and that was revoked.
     *
     * @param key the key's metadata (never its secret)
     * @param url where the scanner found it
     * @param source what kind of place that is, as the scanner says ({@code content}, {@code commit}, ...)
     */
    public record LeakedApiKey(ApiKeyMetadata key, @Nullable String url, @Nullable String source) {
    }

    @Override
    public @Nullable String endpoint(String rawPath) {
        return rawPath.equals(path) ? "" : null;
    }

    @Override
    public boolean readsBody(String endpoint, String method) {
        return "POST".equals(method);
    }

    @Override
    public int maxBodyBytes() {
        return MAX_REPORT_BYTES;
    }

    @Override
    public boolean mayBlock() {
        return true;
    }

    @Override
    public PolicyResponse answer(EndpointRequest request) {
        if (!"POST".equals(request.method())) {
            return PolicyResponse.problem(405, "method-not-allowed", "Method not allowed",
                    "Secret scanning reports are posted.", null).withHeader("Allow", "POST");
        }
        byte[] body = request.body();
        if (body == null || body.length > MAX_REPORT_BYTES) {
            return PolicyResponse.problem(413, "payload-too-large", "Report too large",
                    "The report is larger than " + MAX_REPORT_BYTES + " bytes.", null);
        }
        try {
            if (!signedByTheScanner(request, body)) {
                return PolicyResponse.problem(401, "unauthenticated", "Authentication required",
                        "The report is not signed by a key the scanner publishes.", null);
            }
        }
        catch (IllegalStateException unreachable) {
            return PolicyResponse.problem(503, "unavailable", "Authorization unavailable",
                    "The scanner's public keys cannot be read right now.", null).withHeader("Retry-After", "60")
                    .failing(unreachable);
        }
        try {
            return PolicyResponse.json(200, List.of(), json.writeValueAsBytes(labels(json.readTree(body))));
        }
        catch (JacksonException | IllegalArgumentException malformed) {
            return PolicyResponse.problem(400, "invalid-request", "Invalid request",
                    "The report is not a JSON array of found tokens.", null);
        }
        catch (ApiKeyStoreException down) {
            return PolicyResponse.problem(503, "unavailable", "Authorization unavailable",
                    "The API keys cannot be checked right now.", null).withHeader("Retry-After", "5").failing(down);
        }
    }

    private boolean signedByTheScanner(EndpointRequest request, byte[] body) {
        String identifier = only(request, KEY_IDENTIFIER);
        String signature = only(request, SIGNATURE);
        if (identifier == null || signature == null) {
            return false;
        }
        PublicKey key = publicKeys.key(identifier);
        if (key == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(Base64.getDecoder().decode(signature.trim()));
        }
        catch (GeneralSecurityException | IllegalArgumentException bad) {
            return false;
        }
    }

    private static @Nullable String only(EndpointRequest request, String header) {
        List<String> values = request.headers().values(header);
        return values.size() == 1 ? values.get(0) : null;
    }

    private List<Map<String, String>> labels(JsonNode report) {
        if (!report.isArray()) {
            throw new IllegalArgumentException("not an array");
        }
        List<Map<String, String>> labels = new ArrayList<>();
        for (JsonNode found : report) {
            String token = found.path("token").asString();
            if (token.isEmpty()) {
                throw new IllegalArgumentException("a found token without its value");
            }
            Optional<ApiKeyMetadata> revoked = keys.revokeLeaked(token);
            String url = found.path("url").isString() ? found.path("url").asString() : null;
            String source = found.path("source").isString() ? found.path("source").asString() : null;
            revoked.ifPresent(key -> {
                audit.warn(new AuditLine().add("outcome", "revoked").add("reason", KEY_LEAKED)
                        .add("credential_id", key.keyId()).add("subject", key.owner()).add("url", url)
                        .add("source", source).toString());
                leaks.accept(new LeakedApiKey(key, url, source));
            });
            Map<String, String> label = new LinkedHashMap<>();
            label.put("token_hash", sha256Hex(token));
            label.put("token_type", found.path("type").asString());
            label.put("label", revoked.isPresent() ? "true_positive" : "false_positive");
            labels.add(label);
        }
        return labels;
    }

    private static String sha256Hex(String token) {
        return HexFormat.of().formatHex(Sha256.of(token.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public List<MappedPolicy> mappedPolicies() {
        return List.of(new MappedPolicy(path, "POST", "secret scanning reports (GitHub partner program)", List.of(),
                Requirements.NONE, PolicySource.SECRET_SCANNING, Enforcement.ENFORCE, false, false,
                TenantBinding.OFF));
    }
}
