package io.policyauth.jwt.dpop;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** A DPoP client's P-256 key, signing proofs as RFC 9449 section 4.2 has them, or as a test spoils them. */
public final class DpopClientKey {

    private final ECKey key;

    public DpopClientKey() {
        try {
            this.key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** @return the key's SHA-256 JWK thumbprint, a bound token's {@code cnf.jkt} */
    public String thumbprint() {
        try {
            return key.computeThumbprint().toString();
        }
        catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * @param method the request's method
     * @param url the request's URL
     * @param accessToken the token the proof comes with
     * @return a valid proof, issued now with a fresh {@code jti}
     */
    public String proof(String method, String url, String accessToken) {
        return proof(method, url, accessToken, claims -> { }, header -> { });
    }

    /**
     * @param method the request's method
     * @param url the request's URL
     * @param accessToken the token the proof comes with
     * @param claims changes to the claims, applied last
     * @param header changes to the header, applied last
     * @return the proof
     */
    public String proof(String method, String url, String accessToken, Consumer<JWTClaimsSet.Builder> claims,
            Consumer<JWSHeader.Builder> header) {
        JWTClaimsSet.Builder claimSet = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
                .claim("htm", method).claim("htu", url).issueTime(Date.from(Instant.now()))
                .claim("ath", DpopProofVerifier.accessTokenHash(accessToken));
        claims.accept(claimSet);
        JWSHeader.Builder headers = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK());
        header.accept(headers);
        SignedJWT proof = new SignedJWT(headers.build(), claimSet.build());
        try {
            proof.sign(new ECDSASigner(key));
        }
        catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
        return proof.serialize();
    }

    /**
     * @param proof a proof by this key
     * @return the proof with the private key in its {@code jwk}, where only a public one belongs
     */
    public String withPrivateJwk(String proof) {
        String[] parts = proof.split("\\.");
        Map<String, Object> header;
        try {
            header = new LinkedHashMap<>(JSONObjectUtils.parse(
                    new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)));
        }
        catch (ParseException failure) {
            throw new IllegalStateException(failure);
        }
        header.put("jwk", key.toJSONObject());
        return Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "." + parts[1] + "." + parts[2];
    }
}
