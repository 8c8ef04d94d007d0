package io.policyauth.test.app;

import static io.policyauth.test.PolicyAuthRequestPostProcessors.bearerToken;
import static io.policyauth.test.PolicyAuthRequestPostProcessors.clientCertificate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.policyauth.core.CertificateThumbprint;
import io.policyauth.test.DpopKey;

/**
 * {@code bearerToken().dpop()} and {@code clientCertificate(...)}: sender-constrained tokens as the
 * application's real {@code private} policy checks them, DPoP allowed.
 */
@WebMvcTest(OrderController.class)
@ActiveProfiles("dpop")
class SenderConstrainedTokensSliceTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aDpopBoundTokenComesWithAProofForEachRequest() {
        DpopKey key = DpopKey.generate();

        assertThat(mvc.get().uri("/orders?page=2").with(bearerToken().subject("alice").dpop(key))).hasStatusOk()
                .bodyJson().extractingPath("$.subject").isEqualTo("alice");
        assertThat(mvc.post().uri("/orders").with(bearerToken().scopes("orders:write").dpop())).hasStatusOk();
        assertThat(mvc.get().uri("/orders").with(bearerToken().claim("cnf", Map.of("jkt", key.thumbprint()))))
                .as("a DPoP-bound token sent as Bearer").hasStatus(401).headers()
                .hasValue("WWW-Authenticate", "DPoP error=\"invalid_token\", error_description=\"The token is "
                        + "DPoP-bound: send it with the DPoP scheme and a proof.\", algs=\"ES256 ES384 ES512 PS256 "
                        + "PS384 PS512 RS256 RS384 RS512\"");
    }

    @Test
    void aCertificateBoundTokenPassesWithItsCertificateOnly() throws Exception {
        X509Certificate certificate;
        try (InputStream pem = new ClassPathResource("keys/client-certificate.pem").getInputStream()) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }
        Map<String, String> cnf = Map.of("x5t#S256", CertificateThumbprint.sha256(certificate));

        assertThat(mvc.get().uri("/orders").with(bearerToken().claim("cnf", cnf)).with(clientCertificate(certificate)))
                .hasStatusOk();
        assertThat(mvc.get().uri("/orders").with(bearerToken().claim("cnf", cnf))).hasStatus(401);
    }
}
