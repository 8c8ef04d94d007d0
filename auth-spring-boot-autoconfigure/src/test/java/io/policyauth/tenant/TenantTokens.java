package io.policyauth.tenant;

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

/** HS256 tokens naming a tenant, as an identity provider with a tenant claim issues them. */
public final class TenantTokens {

    public static final String SECRET = "a-tenancy-test-secret-of-32-bytes-or-more";

    public static final String SHARED_KEY = "tenancy-shared-key-0123456789";

    private TenantTokens() {
    }

    public static String token(String subject, @Nullable String tenant, String... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("roles", List.of(roles));
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        }
        catch (JOSEException impossible) {
            throw new IllegalStateException(impossible);
        }
        return "Bearer " + jwt.serialize();
    }
}
