package io.policyauth.benchmarks.jmh;

import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.policyauth.benchmarks.JwtFixture;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.jwt.ClaimMapping;
import io.policyauth.jwt.NimbusJwtAuthProvider;
import io.policyauth.jwt.VerifiedTokenCacheSettings;

/**
 * Where the time of an HS256 check goes, step by step, to explain the gap between
 * {@link AuthorizeBenchmarks#authorizePrivateHs256()} and {@link FloorBenchmarks#nimbusHs256()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HmacBreakdownBenchmarks {

    private String token;
    private JWSVerifier verifier;
    private NimbusJwtAuthProvider provider;
    private String payloadJson;
    private Map<String, Object> claims;

    @Setup
    public void setUp() throws JOSEException {
        JwtFixture jwt = new JwtFixture();
        token = jwt.hs256Token();
        verifier = new MACVerifier(JwtFixture.SECRET);
        // Uncached: this breaks down a first sight of a token.
        provider = jwt.hs256Provider(VerifiedTokenCacheSettings.disabled());
        try {
            payloadJson = SignedJWT.parse(token).getPayload().toString();
            claims = JSONObjectUtils.parse(payloadJson);
        }
        catch (ParseException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Benchmark
    public Map<String, Object> claimsJsonParse() throws ParseException {
        return JSONObjectUtils.parse(payloadJson);
    }

    @Benchmark
    public AuthenticatedUser userFromClaims() {
        return ClaimMapping.DEFAULT.toUser(claims, "jwt");
    }

    @Benchmark
    public SignedJWT parseOnly() throws ParseException {
        return SignedJWT.parse(token);
    }

    @Benchmark
    public Map<String, Object> parseVerifyAndReadClaims() throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(verifier)) {
            throw new IllegalStateException();
        }
        return jwt.getPayload().toJSONObject();
    }

    @Benchmark
    public AuthenticatedUser providerCheck() {
        return provider.check(token);
    }
}
