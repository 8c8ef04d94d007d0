package io.policyauth.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.policyauth.jwt.dpop.DpopProofVerifier;

/**
 * A DPoP client of the benchmarks: its P-256 and RSA keys, HS256 tokens of {@link JwtFixture}'s
 * issuer bound to one of them, and proofs (RFC 9449) for a request with such a token.
 */
public final class DpopFixture {

    private final ECKey ec;
    private final RSAKey rsa;

    public DpopFixture() {
        try {
            this.ec = new ECKeyGenerator(Curve.P_256).generate();
            this.rsa = new RSAKeyGenerator(2048).generate();
        }
        catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** @return the P-256 key, which signs ES256 proofs */
    public ECKey ec() {
        return ec;
    }

    /** @return the RSA key, which signs RS256 proofs */
    public RSAKey rsa() {
        return rsa;
    }

    /**
     * @param key the client key the token is bound to
     * @return an HS256 token of {@link JwtFixture#ISSUER} for a day, bound to the key ({@code cnf.jkt})
     */
    public String boundToken(JWK key) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .issuer(JwtFixture.ISSUER).audience(JwtFixture.AUDIENCE).subject(JwtFixture.SUBJECT)
                    .claim("scope", "orders:read").jwtID(UUID.randomUUID().toString())
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofDays(1))))
                    .claim("cnf", Map.of("jkt", key.computeThumbprint().toString())).build());
            token.sign(new MACSigner(JwtFixture.SECRET));
            return token.serialize();
        }
        catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * @param key the client key: ES256 for an EC key, RS256 for an RSA key
     * @param method the request's method
     * @param url the request's URL
     * @param token the token bound to the key
     * @return a proof issued now, with a fresh {@code jti}
     */
    public static String proof(JWK key, String method, String url, String token) {
        try {
            JWSAlgorithm algorithm = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
            JWSSigner signer = key instanceof ECKey ecKey ? new ECDSASigner(ecKey) : new RSASSASigner((RSAKey) key);
            SignedJWT proof = new SignedJWT(new JWSHeader.Builder(algorithm).type(new JOSEObjectType("dpop+jwt"))
                    .jwk(key.toPublicJWK()).build(), new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
                    .claim("htm", method).claim("htu", url).issueTime(new Date())
                    .claim("ath", DpopProofVerifier.accessTokenHash(token)).build());
            proof.sign(signer);
            return proof.serialize();
        }
        catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
