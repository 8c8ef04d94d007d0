package io.policyauth.benchmarks;

import java.time.Duration;
import java.time.Instant;

/** The opaque token of the benchmarks and the answer an introspection endpoint gives for it. */
public final class IntrospectionFixture {

    /** An opaque access token. */
    public static final String TOKEN = "load-opaque-token-2YotnFZFEjr1zCsicMWpAA";

    private IntrospectionFixture() {
    }

    /** @return an RFC 7662 answer for {@link #TOKEN}: active for a day, of {@link JwtFixture}'s issuer */
    public static String activeAnswer() {
        return "{\"active\":true,\"sub\":\"" + JwtFixture.SUBJECT + "\",\"scope\":\"orders:read\",\"iss\":\""
                + JwtFixture.ISSUER + "\",\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"exp\":"
                + Instant.now().plus(Duration.ofDays(1)).getEpochSecond() + ",\"token_type\":\"Bearer\"}";
    }
}
