package io.policyauth.jwt;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Bearer tokens that an HS256 application must refuse with 401, whatever its web stack: the same
 * catalogue runs over HTTP against the Spring MVC front (here) and the WebFlux front
 * ({@code webflux-tests}, through this module's test jar), so both answer every case alike. (An
 * oversized token is left out: each server refuses headers over its limit before any policy runs.)
 */
public final class JwtAttacks {

    private final JWSSigner signer;
    private final String issuer;
    private final String audience;

    /**
     * @param secret the application's HMAC secret
     * @param issuer the issuer it requires
     * @param audience the audience it requires
     */
    public JwtAttacks(byte[] secret, String issuer, String audience) {
        this.signer = signer(secret);
        this.issuer = issuer;
        this.audience = audience;
    }

    /**
     * @return a token the application accepts, for the control case
     */
    public String valid() {
        return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims -> { });
    }

    /**
     * @param change claims to add or change
     * @return a token the application accepts but for what the change makes of it
     */
    public String validWith(Consumer<JWTClaimsSet.Builder> change) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), change);
    }

    /**
     * @return every attack, each a token the application must refuse with 401
     */
    public List<Attack> all() {
        String valid = valid();
        String[] parts = valid.split("\\.");
        JWSHeader hs256 = new JWSHeader.Builder(JWSAlgorithm.HS256).build();
        byte[] longSecret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".getBytes();
        return List.of(
                new Attack("alg none", TestKeys.base64Url("{\"alg\":\"none\"}") + "."
                        + TestKeys.base64Url("{\"sub\":\"admin\",\"iss\":\"" + issuer + "\",\"aud\":\"" + audience
                                + "\",\"exp\":4102444800}") + "."),
                new Attack("signed with another secret", TestKeys.token(signer(
                        "another-secret-that-is-32-bytes-long!!".getBytes()), hs256, this::required)),
                new Attack("payload swapped under a valid signature", parts[0] + "."
                        + TestKeys.base64Url("{\"sub\":\"admin\",\"iss\":\"" + issuer + "\",\"aud\":\"" + audience
                                + "\",\"exp\":4102444800}") + "." + parts[2]),
                new Attack("HS512, not on the allowlist", TestKeys.token(signer(longSecret),
                        new JWSHeader.Builder(JWSAlgorithm.HS512).build(), this::required)),
                new Attack("unknown critical header", sign(new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .criticalParams(Set.of("exp-policy")).customParam("exp-policy", "strict").build(),
                        claims -> { })),
                new Attack("expired", sign(hs256, claims -> claims.expirationTime(Date.from(
                        Instant.now().minusSeconds(600))))),
                new Attack("not yet valid", sign(hs256, claims -> claims.notBeforeTime(Date.from(
                        Instant.now().plusSeconds(600))))),
                new Attack("no expiry", sign(hs256, claims -> claims.expirationTime(null))),
                new Attack("no subject", sign(hs256, claims -> claims.subject(null))),
                new Attack("another issuer", sign(hs256, claims -> claims.issuer(issuer + "/"))),
                new Attack("another audience", sign(hs256, claims -> claims.audience("someone-else"))),
                new Attack("non-numeric expiry", sign(hs256, claims -> claims.claim("exp", "tomorrow"))),
                new Attack("not a JWS", "not-a-token"),
                new Attack("two parts", parts[0] + "." + parts[1]),
                new Attack("four parts", valid + ".x"));
    }

    private String sign(JWSHeader header, Consumer<JWTClaimsSet.Builder> change) {
        return TestKeys.token(signer, header, claims -> {
            required(claims);
            change.accept(claims);
        });
    }

    private void required(JWTClaimsSet.Builder claims) {
        claims.issuer(issuer).audience(audience);
    }

    private static JWSSigner signer(byte[] secret) {
        try {
            return new MACSigner(secret);
        }
        catch (JOSEException weak) {
            throw new IllegalArgumentException(weak);
        }
    }

    /**
     * One attack.
     *
     * @param name what it tries
     * @param token the bearer token
     */
    public record Attack(String name, String token) {

        @Override
        public String toString() {
            return name;
        }
    }
}
