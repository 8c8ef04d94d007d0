package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.CertificateThumbprint;
import io.policyauth.network.TlsTestKeys;
import io.policyauth.web.RequiresPolicy;

/**
 * Certificate-bound access tokens (RFC 8705) over a real Tomcat with TLS and optional client
 * certificates, keys made by the JDK's keytool: a token bound to a certificate passes with it and
 * with no other (401 {@code invalid_token}); unbound tokens pass unless {@code binding: required};
 * behind a TLS-terminating proxy, the certificate comes in its header, believed from it alone.
 */
class CertificateBoundTokensTests {

    private static final String SECRET = "a-certificate-binding-secret-of-32-bytes";

    @TempDir
    static Path folder;

    private static TlsTestKeys keys;

    private final JwtAttacks tokens = new JwtAttacks(SECRET.getBytes(StandardCharsets.UTF_8), "bank", "payments");
    private ConfigurableApplicationContext application;

    @BeforeAll
    static void makeKeys() throws Exception {
        keys = TlsTestKeys.make(folder, "client", "other");
    }

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void aBoundTokenPassesWithItsCertificateAndNoOther() throws Exception {
        start("if-present");
        String bound = boundTo(keys.certificate("client"));

        assertThat(get(keys.client("client"), bound).statusCode()).isEqualTo(200);
        HttpResponse<String> stolen = get(keys.client("other"), bound);
        assertThat(stolen.statusCode()).isEqualTo(401);
        assertThat(stolen.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        assertThat(get(keys.client(null), bound).statusCode()).as("no certificate").isEqualTo(401);
        assertThat(get(keys.client(null), tokens.valid()).statusCode()).as("an unbound token").isEqualTo(200);
    }

    @Test
    void underRequiredAnUnboundTokenIsRefused() throws Exception {
        start("required");

        assertThat(get(keys.client("client"), tokens.valid()).statusCode()).isEqualTo(401);
        assertThat(get(keys.client("client"), boundTo(keys.certificate("client"))).statusCode()).isEqualTo(200);
    }

    @Test
    void behindAProxyTheCertificateComesInTheHeaderOfATrustedPeerOnly() throws Exception {
        String bound = boundTo(keys.certificate("client"));
        String forwarded = TlsTestKeys.escaped(keys.certificate("client"));
        HttpClient plain = HttpClient.newHttpClient();

        startBehindProxy("127.0.0.1/32");
        assertThat(getPlain(plain, bound, forwarded).statusCode()).isEqualTo(200);
        assertThat(getPlain(plain, bound, null).statusCode()).isEqualTo(401);
        assertThat(getPlain(plain, bound, "not-a-certificate").statusCode()).isEqualTo(400);
        application.close();

        startBehindProxy("10.0.0.0/8");
        assertThat(getPlain(plain, bound, forwarded).statusCode()).as("from a peer that is no trusted proxy")
                .isEqualTo(401);
    }

    private void startBehindProxy(String trustedProxies) {
        application = new SpringApplicationBuilder(BankApplication.class).web(WebApplicationType.SERVLET)
                .properties(Map.of("server.port", "0", "server.address", "127.0.0.1", "policy-auth.jwt.secret", SECRET,
                        "policy-auth.jwt.issuer", "bank", "policy-auth.jwt.audiences", "payments",
                        "policy-auth.internal.trusted-proxies", trustedProxies,
                        "policy-auth.client-certificate.header", "X-SSL-Client-Cert"))
                .run();
    }

    private HttpResponse<String> getPlain(HttpClient client, String token, String certificate) throws Exception {
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/payments"))
                .header("Authorization", "Bearer " + token);
        if (certificate != null) {
            request.header("X-SSL-Client-Cert", certificate);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String boundTo(X509Certificate certificate) {
        String thumbprint = CertificateThumbprint.sha256(certificate);
        return tokens.validWith(claims -> claims.claim("cnf", Map.of("x5t#S256", thumbprint)));
    }

    private void start(String binding) {
        Map<String, Object> properties = new HashMap<>(keys.serverProperties());
        properties.putAll(Map.of("server.port", "0", "server.address", "127.0.0.1", "policy-auth.jwt.secret", SECRET,
                "policy-auth.jwt.issuer", "bank", "policy-auth.jwt.audiences", "payments",
                "policy-auth.jwt.mtls.binding", binding));
        application = new SpringApplicationBuilder(BankApplication.class).web(WebApplicationType.SERVLET)
                .properties(properties).run();
    }

    private HttpResponse<String> get(HttpClient client, String token) throws Exception {
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/payments"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A payments endpoint under {@code private}. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class BankApplication {

        @RestController
        static class Payments {

            @GetMapping("/payments")
            @RequiresPolicy("private")
            String payments(AuthenticatedUser user) {
                return user.subject();
            }
        }
    }
}
