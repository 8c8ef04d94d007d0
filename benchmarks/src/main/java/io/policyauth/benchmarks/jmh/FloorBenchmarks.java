package io.policyauth.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.policyauth.benchmarks.JwtFixture;

/**
 * The floor under {@link AuthorizeBenchmarks}: what no implementation can avoid. Nimbus parsing a
 * token of the same shape and verifying its signature with a verifier built once (no claim
 * checks, no user), one SHA-256 of a key with a digest instance kept between calls, and one raw
 * HMAC-SHA256 over a token's signing input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FloorBenchmarks {

    private String hs256Token;
    private String rs256Token;
    private String es256Token;
    private JWSVerifier macVerifier;
    private JWSVerifier rsaVerifier;
    private JWSVerifier ecVerifier;
    private MessageDigest sha256;
    private byte[] sharedKey;
    private Mac hmac;
    private byte[] signingInput;

    @Setup
    public void setUp() throws JOSEException, GeneralSecurityException, ParseException {
        JwtFixture jwt = new JwtFixture();
        hs256Token = jwt.hs256Token();
        rs256Token = jwt.rs256Token();
        es256Token = jwt.es256Token();
        macVerifier = new MACVerifier(JwtFixture.SECRET);
        rsaVerifier = new RSASSAVerifier((RSAPublicKey) jwt.rsa().getPublic());
        ecVerifier = new ECDSAVerifier((ECPublicKey) jwt.ec().getPublic());
        sha256 = MessageDigest.getInstance("SHA-256");
        sharedKey = AuthorizeBenchmarks.SHARED_KEY.getBytes(StandardCharsets.UTF_8);
        hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(JwtFixture.SECRET, "HmacSHA256"));
        signingInput = SignedJWT.parse(hs256Token).getSigningInput();
        if (!nimbusHs256() || !nimbusRs256() || !nimbusEs256()) {
            throw new IllegalStateException("a floor token does not verify");
        }
    }

    @Benchmark
    public boolean nimbusHs256() throws ParseException, JOSEException {
        return SignedJWT.parse(hs256Token).verify(macVerifier);
    }

    @Benchmark
    public boolean nimbusRs256() throws ParseException, JOSEException {
        return SignedJWT.parse(rs256Token).verify(rsaVerifier);
    }

    @Benchmark
    public boolean nimbusEs256() throws ParseException, JOSEException {
        return SignedJWT.parse(es256Token).verify(ecVerifier);
    }

    @Benchmark
    public byte[] sha256OfKey() {
        return sha256.digest(sharedKey);
    }

    @Benchmark
    public byte[] hmacSha256OfToken() {
        return hmac.doFinal(signingInput);
    }
}
