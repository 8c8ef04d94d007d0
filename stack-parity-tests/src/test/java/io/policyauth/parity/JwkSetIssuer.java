package io.policyauth.parity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/** An identity provider's JWK Set on loopback, and RS256 tokens signed with its key (or not). */
final class JwkSetIssuer implements AutoCloseable {

    static final String ISSUER = "https://idp.parity.test";

    private final RSAKey key = generate("k1");
    private final RSAKey stranger = generate("k1");
    private final HttpServer server;

    JwkSetIssuer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A token the JWK Set's key signed. */
    String token(String subject) {
        return sign(key, "k1", subject);
    }

    /** A token naming the JWK Set's key id, signed by another key. */
    String forged(String subject) {
        return sign(stranger, "k1", subject);
    }

    /** A token naming a key id the JWK Set does not have: asks for a fetch. */
    String unknownKeyId(String subject) {
        return sign(stranger, "k2", subject);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String sign(RSAKey signer, String keyId, String subject) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience("parity-api").subject(subject)
                .jwtID(UUID.randomUUID().toString()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        }
        catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
