package io.policyauth.web.reactive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/** HS256 tokens naming a tenant, for this module's issuer and audience (application.yml). */
final class TenantTokens {

    private TenantTokens() {
    }

    static String token(String secret, String subject, @Nullable String tenant, String... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer("webflux-test")
                .audience("shop-api").expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("roles", List.of(roles));
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (JOSEException impossible) {
            throw new IllegalStateException(impossible);
        }
        return "Bearer " + jwt.serialize();
    }
}
