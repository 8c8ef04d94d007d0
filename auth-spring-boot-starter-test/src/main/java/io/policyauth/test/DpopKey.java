package io.policyauth.test;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import io.policyauth.jwt.dpop.DpopProofVerifier;

/**
 * A DPoP client's key pair (P-256), which signs the proofs of RFC 9449 section 4.2: for a token
 * request to an authorization server, or for a call with an access token bound to it. Tokens made
 * with {@code bearerToken().dpop()} are bound to one and come with its proofs.
 */
public final class DpopKey {

    private final ECKey key;

    private DpopKey(ECKey key) {
        this.key = key;
    }

    /**
     * @return a new key pair
     */
    public static DpopKey generate() {
        try {
            return new DpopKey(new ECKeyGenerator(Curve.P_256).generate());
        }
        catch (JOSEException unavailable) {
            throw new IllegalStateException("Cannot generate a P-256 key", unavailable);
        }
    }

    /**
     * @return the SHA-256 JWK thumbprint of the public key: a bound token's {@code cnf.jkt}
     */
    public String thumbprint() {
        try {
            return key.computeThumbprint().toString();
        }
        catch (JOSEException unavailable) {
            throw new IllegalStateException("Cannot compute the key's thumbprint", unavailable);
        }
    }

    /**
     * @param method the request's method
     * @param url the request's URL; query and fragment are left out
     * @return a proof for a request without an access token, such as a token request
     */
    public String proof(String method, URI url) {
        return proof(method, url, null, null);
    }

    /**
     * @param method the request's method
     * @param url the request's URL; query and fragment are left out
     * @param accessToken the access token the request carries, bound to this key
     * @return a proof for the request, naming the token's hash ({@code ath})
     */
    public String proof(String method, URI url, String accessToken) {
        return proof(method, url, accessToken, null);
    }

    /**
     * @param method the request's method
     * @param url the request's URL; query and fragment are left out
     * @param accessToken the access token the request carries, or {@code null}
     * @param nonce the server's nonce ({@code DPoP-Nonce}), or {@code null}
     * @return a proof for the request, issued now with a fresh {@code jti}
     */
    public String proof(String method, URI url, @Nullable String accessToken, @Nullable String nonce) {
        return proof(method, url, accessToken, nonce, Instant.now());
    }

    /**
     * @param method the request's method
     * @param url the request's URL; query and fragment are left out
     * @param accessToken the access token the request carries, or {@code null}
     * @param nonce the server's nonce ({@code DPoP-Nonce}), or {@code null}
     * @param issuedAt the proof's {@code iat}, to test that stale proofs are refused
     * @return a proof for the request, with a fresh {@code jti}
     */
    public String proof(String method, URI url, @Nullable String accessToken, @Nullable String nonce,
            Instant issuedAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
                .claim("htm", method).claim("htu", withoutQuery(url)).issueTime(Date.from(issuedAt));
        if (accessToken != null) {
            claims.claim("ath", DpopProofVerifier.accessTokenHash(accessToken));
        }
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("dpop+jwt")).jwk(key.toPublicJWK()).build(), claims.build());
        try {
            proof.sign(new ECDSASigner(key));
        }
        catch (JOSEException unavailable) {
            throw new IllegalStateException("Cannot sign the proof", unavailable);
        }
        return proof.serialize();
    }

    private static String withoutQuery(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null || url.getRawPath().isEmpty()
                ? "/" : url.getRawPath());
    }
}
