package io.policyauth.jwt.dpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.core.Sha256;

/**
 * Checks the DPoP proof that comes with a DPoP-bound access token, everything RFC 9449 sections
 * 4.3 and 7.1 ask: one proof, {@code typ} {@code dpop+jwt}, an asymmetric algorithm on the
 * allowlist, a public {@code jwk} and the signature by it, {@code htm} and {@code htu} naming this
 * request, a fresh {@code iat}, the server's nonce when asked for, {@code ath} the token's hash,
 * the key the one the token is bound to ({@code cnf.jkt}), and a {@code jti} never seen before.
 * Every refusal is a 401 with a {@code DPoP} challenge; nothing of the proof is echoed.
 */
public final class DpopProofVerifier {

    /** The request header that carries the proof. */
    public static final String PROOF_HEADER = "DPoP";

    /** Longest proof read; a proof is a few hundred bytes, an RSA key's a little more. */
    public static final int MAX_PROOF_LENGTH = 8 * 1024;

    private static final JOSEObjectType TYPE = new JOSEObjectType("dpop+jwt");
    private static final int MAX_JTI_LENGTH = 256;
    private static final int MIN_RSA_BITS = 2048;

    private final DpopProofRules rules;
    private final DpopReplayCache replays;
    private final List<String> algorithmNames;
    private final DpopRejections rejections;

    /**
     * @param rules what a proof must satisfy
     * @param replays the proofs already seen
     */
    public DpopProofVerifier(DpopProofRules rules, DpopReplayCache replays) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.replays = Objects.requireNonNull(replays, "replays");
        this.algorithmNames = rules.algorithms().stream().map(JWSAlgorithm::getName).sorted().toList();
        this.rejections = new DpopRejections(String.join(" ", algorithmNames));
    }

    /** @return how refusals are answered, with the accepted algorithms */
    public DpopRejections rejections() {
        return rejections;
    }

    /** @return the accepted proof algorithms, sorted by name */
    public List<String> algorithms() {
        return algorithmNames;
    }

    /** @return whether checking a proof may wait on I/O (a shared replay cache) */
    public boolean mayBlock() {
        return replays.mayBlock();
    }

    /**
     * @param context the request, with its {@code DPoP} header
     * @param accessToken the access token the proof comes with
     * @param boundThumbprint the token's {@code cnf.jkt}: the SHA-256 JWK thumbprint of the key it is bound to
     * @throws AuthenticationException 401 {@code invalid_dpop_proof}, {@code use_dpop_nonce} or
     *         (the proof's key is not the token's) {@code invalid_token}
     * @throws io.policyauth.core.AuthUnavailableException when a shared replay cache cannot be asked
     */
    public void verify(SecurityRequestContext context, String accessToken, String boundThumbprint) {
        List<String> proofs = context.headers().values(PROOF_HEADER);
        if (proofs.size() != 1) {
            throw rejections.invalidProof(proofs.isEmpty() ? "dpop_proof_missing" : "dpop_proof_duplicate",
                    "Send exactly one DPoP proof with a DPoP-bound token.");
        }
        String proof = proofs.get(0);
        if (proof.length() > MAX_PROOF_LENGTH) {
            throw malformed();
        }
        try {
            JWSObject jws = JWSObject.parse(proof);
            JWK key = checkedHeader(jws.getHeader());
            if (!jws.verify(verifier(key, jws.getHeader().getAlgorithm()))) {
                throw rejections.invalidProof("dpop_bad_signature", "The DPoP proof's signature does not verify.");
            }
            Map<String, Object> claims = jws.getPayload().toJSONObject();
            if (claims == null) {
                throw malformed();
            }
            Instant issuedAt = checkedClaims(claims, context, accessToken);
            String thumbprint = key.computeThumbprint().toString();
            if (!MessageDigest.isEqual(thumbprint.getBytes(StandardCharsets.US_ASCII),
                    boundThumbprint.getBytes(StandardCharsets.US_ASCII))) {
                throw rejections.invalidToken("dpop_key_mismatch",
                        "The token is bound to another key than the DPoP proof's.");
            }
            if (!replays.firstUse(sha256(thumbprint + "." + claims.get("jti")),
                    issuedAt.plus(rules.proofMaxAge()).plus(rules.clockSkew()).plus(rules.clockSkew()))) {
                throw rejections.invalidProof("dpop_proof_replayed", "The DPoP proof was used before.");
            }
        }
        catch (ParseException | JOSEException unreadable) {
            throw malformed();
        }
        catch (AuthException refused) {
            throw refused;
        }
        catch (RuntimeException hostile) {
            // Whatever a hostile proof makes the parser do, the answer is a 401, never a 500.
            throw malformed();
        }
    }

    private JWK checkedHeader(JWSHeader header) {
        if (!TYPE.equals(header.getType())) {
            throw rejections.invalidProof("dpop_wrong_type", "The DPoP proof's typ must be dpop+jwt.");
        }
        if (!rules.algorithms().contains(header.getAlgorithm())) {
            throw rejections.invalidProof("dpop_unsupported_algorithm",
                    "The DPoP proof's algorithm is not accepted; see algs.");
        }
        Set<String> critical = header.getCriticalParams();
        if (critical != null && !critical.isEmpty()) {
            throw rejections.invalidProof("dpop_unsupported_critical_header",
                    "The DPoP proof has a critical header that is not understood.");
        }
        JWK key = header.getJWK();
        if (key == null || key.isPrivate()) {
            throw rejections.invalidProof("dpop_bad_key", "The DPoP proof must carry its public key in jwk.");
        }
        return key;
    }

    private JWSVerifier verifier(JWK key, JWSAlgorithm algorithm) throws JOSEException {
        if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(algorithm) && rsa.size() >= MIN_RSA_BITS) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(algorithm)
                && Curve.forJWSAlgorithm(algorithm).contains(ec.getCurve())) {
            return new ECDSAVerifier(ec);
        }
        throw rejections.invalidProof("dpop_bad_key", "The DPoP proof's key does not fit its algorithm.");
    }

    private Instant checkedClaims(Map<String, Object> claims, SecurityRequestContext context, String accessToken) {
        if (!(claims.get("jti") instanceof String jti) || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            throw rejections.invalidProof("dpop_bad_jti", "The DPoP proof needs a jti.");
        }
        if (!context.method().equals(claims.get("htm"))) {
            throw rejections.invalidProof("dpop_wrong_method", "The DPoP proof's htm is not this request's method.");
        }
        URI requestUrl = rules.urls().url(context);
        if (requestUrl == null) {
            throw rejections.invalidProof("dpop_url_unknown", "The URL of this request cannot be told.");
        }
        if (!(claims.get("htu") instanceof String htu) || !sameTarget(htu, requestUrl)) {
            throw rejections.invalidProof("dpop_wrong_url", "The DPoP proof's htu is not this request's URL.");
        }
        Instant issuedAt = issuedAt(claims.get("iat"));
        Instant now = rules.clock().instant();
        if (issuedAt.isAfter(now.plus(rules.clockSkew()))
                || issuedAt.isBefore(now.minus(rules.proofMaxAge()).minus(rules.clockSkew()))) {
            throw rejections.invalidProof("dpop_proof_stale", "The DPoP proof's iat is too old or in the future.");
        }
        DpopNonces nonces = rules.nonces();
        if (nonces != null && !(claims.get("nonce") instanceof String nonce && nonces.isValid(nonce))) {
            throw rejections.useNonce(nonces.current());
        }
        byte[] expected = accessTokenHash(accessToken).getBytes(StandardCharsets.US_ASCII);
        if (!(claims.get("ath") instanceof String ath)
                || !MessageDigest.isEqual(ath.getBytes(StandardCharsets.US_ASCII), expected)) {
            throw rejections.invalidProof("dpop_wrong_token_hash", "The DPoP proof's ath is not this token's hash.");
        }
        return issuedAt;
    }

    private Instant issuedAt(@Nullable Object iat) {
        if (iat instanceof Number seconds && Double.isFinite(seconds.doubleValue())) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        throw rejections.invalidProof("dpop_bad_iat", "The DPoP proof needs an iat.");
    }

    /*
     * RFC 9449 section 4.3 step 9: the URIs compared without query and fragment, after RFC 3986's
     * syntax- and scheme-based normalization (case of scheme and host, default port, empty path).
     */
    static boolean sameTarget(String htu, URI request) {
        try {
            URI claimed = new URI(htu);
            return claimed.isAbsolute() && normalized(claimed).equals(normalized(request));
        }
        catch (URISyntaxException malformed) {
            return false;
        }
    }

    private static @Nullable String normalized(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || "https".equals(scheme) && port == 443
                || "http".equals(scheme) && port == 80;
        String path = uri.normalize().getPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                + (path == null || path.isEmpty() ? "/" : path);
    }

    /**
     * @param accessToken an access token
     * @return its {@code ath}: the base64url SHA-256 of its ASCII bytes
     */
    public static String accessTokenHash(String accessToken) {
        return base64Url(digest(accessToken));
    }

    private static String sha256(String text) {
        return base64Url(digest(text));
    }

    private static byte[] digest(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private AuthenticationException malformed() {
        return rejections.invalidProof("dpop_proof_malformed", "The DPoP proof is not a signed JWT.");
    }
}
