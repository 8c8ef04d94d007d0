package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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
import io.policyauth.web.RequiresPolicy;

/**
 * Certificate-bound access tokens (RFC 8705) over a real Tomcat with TLS and optional client
 * certificates, keys made by the JDK's keytool: a token bound to a certificate passes with it and
 * with no other (401 {@code invalid_token}); unbound tokens pass unless {@code binding: required};
 * behind a TLS-terminating proxy, the certificate comes in its header, believed from it alone.
 */
class CertificateBoundTokensTests {

    private static final String PASSWORD = "changeit";
    private static final String SECRET = "a-certificate-binding-secret-of-32-bytes";

    @TempDir
    static Path keys;

    private final JwtAttacks tokens = new JwtAttacks(SECRET.getBytes(StandardCharsets.UTF_8), "bank", "payments");
    private ConfigurableApplicationContext application;

    @BeforeAll
    static void makeKeys() throws Exception {
        for (String name : List.of("server", "client", "other")) {
            keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                    "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store(name),
                    "-storepass", PASSWORD);
            keytool("-exportcert", "-alias", name, "-keystore", store(name), "-storepass", PASSWORD, "-file",
                    keys.resolve(name + ".crt").toString());
        }
        for (String client : List.of("client", "other")) {
            keytool("-importcert", "-noprompt", "-alias", client, "-file", keys.resolve(client + ".crt").toString(),
                    "-storetype", "PKCS12", "-keystore", store("server-trust"), "-storepass", PASSWORD);
        }
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", keys.resolve("server.crt").toString(),
                "-storetype", "PKCS12", "-keystore", store("client-trust"), "-storepass", PASSWORD);
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
        String bound = boundTo(certificate("client"));

        assertThat(get(client("client"), bound).statusCode()).isEqualTo(200);
        HttpResponse<String> stolen = get(client("other"), bound);
        assertThat(stolen.statusCode()).isEqualTo(401);
        assertThat(stolen.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        assertThat(get(client(null), bound).statusCode()).as("no certificate").isEqualTo(401);
        assertThat(get(client(null), tokens.valid()).statusCode()).as("an unbound token").isEqualTo(200);
    }

    @Test
    void underRequiredAnUnboundTokenIsRefused() throws Exception {
        start("required");

        assertThat(get(client("client"), tokens.valid()).statusCode()).isEqualTo(401);
        assertThat(get(client("client"), boundTo(certificate("client"))).statusCode()).isEqualTo(200);
    }

    @Test
    void behindAProxyTheCertificateComesInTheHeaderOfATrustedPeerOnly() throws Exception {
        String bound = boundTo(certificate("client"));
        String forwarded = URLEncoder.encode("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder()
                .encodeToString(certificate("client").getEncoded()) + "\n-----END CERTIFICATE-----\n",
                StandardCharsets.UTF_8);
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
        String thumbprint = CertificateBinding.thumbprint(certificate);
        return tokens.validWith(claims -> claims.claim("cnf", Map.of("x5t#S256", thumbprint)));
    }

    private void start(String binding) {
        application = new SpringApplicationBuilder(BankApplication.class).web(WebApplicationType.SERVLET)
                .properties(Map.ofEntries(Map.entry("server.port", "0"), Map.entry("server.address", "127.0.0.1"),
                        Map.entry("server.ssl.key-store", "file:" + store("server")),
                        Map.entry("server.ssl.key-store-password", PASSWORD),
                        Map.entry("server.ssl.key-store-type", "PKCS12"),
                        Map.entry("server.ssl.trust-store", "file:" + store("server-trust")),
                        Map.entry("server.ssl.trust-store-password", PASSWORD),
                        Map.entry("server.ssl.trust-store-type", "PKCS12"),
                        Map.entry("server.ssl.client-auth", "want"), Map.entry("policy-auth.jwt.secret", SECRET),
                        Map.entry("policy-auth.jwt.issuer", "bank"), Map.entry("policy-auth.jwt.audiences", "payments"),
                        Map.entry("policy-auth.jwt.mtls.binding", binding)))
                .run();
    }

    private HttpResponse<String> get(HttpClient client, String token) throws Exception {
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/payments"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client(String keyName) throws Exception {
        KeyManagerFactory keyManagers = null;
        if (keyName != null) {
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(load(keyName), PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("client-trust"));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    private static X509Certificate certificate(String name) throws Exception {
        return (X509Certificate) load(name).getCertificate(name);
    }

    private static KeyStore load(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(store(name)))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static String store(String name) {
        return keys.resolve(name + ".p12").toString();
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
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
