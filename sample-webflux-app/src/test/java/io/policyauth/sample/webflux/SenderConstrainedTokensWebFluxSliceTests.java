package io.policyauth.sample.webflux;

import static io.policyauth.test.PolicyAuthWebTestClientConfigurers.bearerToken;
import static io.policyauth.test.PolicyAuthWebTestClientConfigurers.clientCertificate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.policyauth.core.CertificateThumbprint;
import io.policyauth.sample.shared.ApiController;
import io.policyauth.test.DpopKey;

/**
 * {@code bearerToken().dpop()} and {@code clientCertificate(...)} on WebFlux: a DPoP-bound token
 * with a proof per exchange, a certificate-bound token with its certificate, checked by the
 * application's real {@code private} policy.
 */
@WebFluxTest(value = ApiController.class, properties = "policy-auth.jwt.dpop.mode=allowed")
class SenderConstrainedTokensWebFluxSliceTests {

    /* A self-signed P-256 certificate for CN=test-client, valid until 2126. */
    private static final String CERTIFICATE = """
            -----BEGIN CERTIFICATE-----
            MIIBgzCCASmgAwIBAgIUUjmFEKMWiyw/3qylKwghUpwAxQ0wCgYIKoZIzj0EAwIw
            FjEUMBIGA1UEAwwLdGVzdC1jbGllbnQwIBcNMjYxMjA1MTMwNzU3WhgPMjEyNjEx
            MTExMzA3NTdaMBYxFDASBgNVBAMMC3Rlc3QtY2xpZW50MFkwEwYHKoZIzj0CAQYI
            KoZIzj0DAQcDQgAES0LdgE3ChPIVwnaGQU/4HJu+QHP9RkA731suRmt79xhHx4oj
            mUJie/qvdJgKVTjaUQ4UDTt+SYTuHeRPQVtMiKNTMFEwHQYDVR0OBBYEFPKVSs1/
            zg4jiLo5VyBcwyr40IjrMB8GA1UdIwQYMBaAFPKVSs1/zg4jiLo5VyBcwyr40Ijr
            MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAPPEPGRoTDJcEWjV
            iWlpHGBKlurbX89+0qc19VOOVUaMAiB8espQLQhAMuMGf+LdYGWKz4l5dCm5dMzW
            rnbU1ondGg==
            -----END CERTIFICATE-----
            """;

    @Autowired
    WebTestClient client;

    @Test
    void aDpopBoundTokenComesWithAProofForEachExchange() {
        DpopKey key = DpopKey.generate();

        client.mutateWith(bearerToken().subject("carol").dpop(key)).get().uri("/api/me?verbose=1").exchange()
                .expectStatus().isOk();
        client.mutateWith(bearerToken().claim("cnf", Map.of("jkt", key.thumbprint()))).get().uri("/api/me")
                .exchange().expectStatus().isUnauthorized().expectHeader().value("WWW-Authenticate",
                        challenge -> assertThat(challenge).startsWith("DPoP error=\"invalid_token\""));
    }

    @Test
    void aCertificateBoundTokenPassesWithItsCertificateOnly() throws Exception {
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(CERTIFICATE.getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> cnf = Map.of("x5t#S256", CertificateThumbprint.sha256(certificate));

        client.mutateWith(bearerToken().claim("cnf", cnf)).mutateWith(clientCertificate(certificate)).get()
                .uri("/api/me").exchange().expectStatus().isOk();
        client.mutateWith(bearerToken().claim("cnf", cnf)).get().uri("/api/me").exchange().expectStatus()
                .isUnauthorized();
    }
}
