package io.policyauth.jwt;

import java.net.MalformedURLException;
import java.net.URI;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;

/**
 * Verifies compact JWS bearer tokens with Nimbus, following RFC 8725: the algorithm must be on an
 * allowlist bound to the key type (checked before any key is chosen), keys come only from
 * configuration (never from the token's {@code jwk}, {@code jku}, {@code x5u} or {@code x5c}),
 * {@code exp} and {@code sub} are required, and {@code iss} / {@code aud} are checked when
 * configured. Every unacceptable token ends as an {@link AuthenticationException}, never as
 * another runtime exception.
 *
 * <p>Close it to stop the background refresh of a JWK Set.
 */
public final class NimbusJwtAuthProvider implements JwtAuthProvider, AutoCloseable {

    /** The mechanism name given to authenticated users. */
    public static final String MECHANISM = "jwt";

    /** Longest token accepted; longer ones are refused before any parsing. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final Set<JWSAlgorithm> algorithms;
    private final VerifierSource verifiers;
    private final ClaimsVerifier claimsVerifier;

    NimbusJwtAuthProvider(Set<JWSAlgorithm> algorithms, VerifierSource verifiers, JwtClaimRules rules) {
        this.algorithms = Set.copyOf(algorithms);
        this.verifiers = verifiers;
        this.claimsVerifier = new ClaimsVerifier(Objects.requireNonNull(rules, "rules"));
    }

    /**
     * A provider that verifies HMAC tokens.
     *
     * @param secret the shared secret, at least 32 bytes
     * @param algorithms the allowed HS algorithms; empty for HS256
     * @param rules the claim rules
     * @return the provider
     * @throws IllegalArgumentException on a short secret or an algorithm that is not HMAC
     */
    public static NimbusJwtAuthProvider withSecret(byte[] secret, Set<String> algorithms, JwtClaimRules rules) {
        Set<JWSAlgorithm> allowed = JwtAlgorithms.forSecret(algorithms, secret.length);
        try {
            return new NimbusJwtAuthProvider(allowed, new StaticVerifierSource(new MACVerifier(secret)), rules);
        }
        catch (JOSEException failure) {
            throw new IllegalArgumentException("the secret cannot be used for HMAC", failure);
        }
    }

    /**
     * A provider that verifies tokens with one RSA or EC public key.
     *
     * @param key the public key; RSA of at least 2048 bits, or EC on P-256, P-384 or P-521
     * @param algorithms the allowed algorithms; empty for RS256 (RSA) or the curve's ES algorithm (EC)
     * @param rules the claim rules
     * @return the provider
     * @throws IllegalArgumentException on an algorithm the key cannot verify or an unusable key
     */
    public static NimbusJwtAuthProvider withPublicKey(PublicKey key, Set<String> algorithms, JwtClaimRules rules) {
        Set<JWSAlgorithm> allowed = JwtAlgorithms.forPublicKey(algorithms, key);
        JWSVerifier verifier;
        if (key instanceof RSAPublicKey rsa) {
            verifier = new RSASSAVerifier(rsa);
        }
        else {
            try {
                verifier = new ECDSAVerifier((ECPublicKey) key);
            }
            catch (JOSEException failure) {
                throw new IllegalArgumentException("the EC key cannot be used for ECDSA", failure);
            }
        }
        return new NimbusJwtAuthProvider(allowed, new StaticVerifierSource(verifier), rules);
    }

    /**
     * A provider that verifies tokens with the keys of a JWK Set, fetched lazily on the first
     * token, so an unreachable endpoint does not stop the application from starting.
     *
     * @param jwkSetUri the {@code http} or {@code https} URI of the set
     * @param options fetching and caching
     * @param algorithms the allowed algorithms (RSA or EC); empty for RS256 and ES256
     * @param rules the claim rules
     * @return the provider; close it to stop background refreshes
     * @throws IllegalArgumentException on a bad URI or algorithm
     */
    public static NimbusJwtAuthProvider withJwkSetUri(URI jwkSetUri, JwkSetOptions options, Set<String> algorithms,
            JwtClaimRules rules) {
        Set<JWSAlgorithm> allowed = JwtAlgorithms.forJwkSet(algorithms);
        String scheme = jwkSetUri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the JWK Set URI must be http or https");
        }
        try {
            return new NimbusJwtAuthProvider(allowed, new JwkSetVerifierSource(jwkSetUri.toURL(), options), rules);
        }
        catch (MalformedURLException | IllegalArgumentException failure) {
            throw new IllegalArgumentException("the JWK Set URI is not a valid URL", failure);
        }
    }

    /**
     * @return the algorithms this provider accepts
     */
    public Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    @Override
    public AuthenticatedUser check(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw TokenRejections.malformed();
        }
        try {
            SignedJWT jwt = parse(token);
            JWSHeader header = jwt.getHeader();
            // The allowlist comes first: a key is only ever used with algorithms of its own type.
            if (!algorithms.contains(header.getAlgorithm())) {
                throw TokenRejections.unsupportedAlgorithm();
            }
            // No critical extension is understood here (RFC 7515 section 4.1.11).
            Set<String> critical = header.getCriticalParams();
            if (critical != null && !critical.isEmpty()) {
                throw TokenRejections.unsupportedCriticalHeader();
            }
            verifySignature(jwt, header);
            Map<String, Object> claims = jwt.getPayload().toJSONObject();
            if (claims == null) {
                throw TokenRejections.malformed();
            }
            claimsVerifier.verify(claims);
            return AuthenticatedUser.fromClaims(claims, claimsVerifier.rolesClaim(), MECHANISM);
        }
        catch (AuthException expected) {
            throw expected;
        }
        catch (RuntimeException unexpected) {
            // Whatever a hostile token makes the parser do, the answer is a 401, never a 500.
            throw TokenRejections.malformed();
        }
    }

    @Override
    public void close() {
        verifiers.close();
    }

    private static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        }
        catch (ParseException notAJws) {
            // Unsecured ("alg":"none") and encrypted tokens fail here too: none is acceptable.
            // The parser's message may quote the token, so it is not kept.
            throw isUnsignedOrEncrypted(token) ? TokenRejections.unsupportedAlgorithm()
                    : TokenRejections.malformed();
        }
    }

    private static boolean isUnsignedOrEncrypted(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            return !(Header.parse(new Base64URL(token.substring(0, dot))) instanceof JWSHeader);
        }
        catch (ParseException | RuntimeException unreadable) {
            return false;
        }
    }

    private void verifySignature(SignedJWT jwt, JWSHeader header) {
        List<JWSVerifier> candidates = verifiers.verifiersFor(header);
        byte[] signingInput = jwt.getSigningInput();
        for (JWSVerifier verifier : candidates) {
            try {
                if (verifier.verify(header, signingInput, jwt.getSignature())) {
                    return;
                }
            }
            catch (JOSEException wrongKeyOrShape) {
                // Try the next candidate key; if none verifies, the signature is bad.
            }
        }
        throw TokenRejections.badSignature();
    }
}
