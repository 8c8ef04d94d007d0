package io.policyauth.example.clientcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
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
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.RequiresPolicy;

/**
 * The plug-in in an application on Tomcat with TLS and optional client certificates, its keys made
 * by the JDK's keytool: the configured certificate passes, another trusted one and none do not.
 */
class ClientCertificatePolicyTests {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path keys;

    private ConfigurableApplicationContext application;

    @BeforeAll
    static void makeKeys() throws Exception {
        for (String name : List.of("server", "client", "intruder")) {
            keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                    "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store(name),
                    "-storepass", PASSWORD);
            keytool("-exportcert", "-alias", name, "-keystore", store(name), "-storepass", PASSWORD, "-file",
                    keys.resolve(name + ".crt").toString());
        }
        // The server trusts both clients (the handshake accepts either); the policy tells them apart.
        for (String client : List.of("client", "intruder")) {
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
    void onlyTheConfiguredCertificatePasses() throws Exception {
        String fingerprint = ClientCertificateExecutor.fingerprint(certificate("client"));
        start(fingerprint.replaceAll("(..)(?!$)", "$1:").toUpperCase());

        HttpResponse<String> admitted = get(client("client"));
        HttpResponse<String> intruder = get(client("intruder"));
        HttpResponse<String> anonymous = get(client(null));

        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.body()).isEqualTo("CN=client");
        assertThat(intruder.statusCode()).isEqualTo(403);
        assertThat(intruder.body()).contains("This client certificate may not call.");
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.body()).contains("A TLS client certificate is required.");
        assertThat(application.getBean(AuthExecutorRegistry.class).find(ClientCertificateExecutor.POLICY))
                .hasValueSatisfying(executor -> assertThat(executor.describe().kind()).isEqualTo("pinned-certificate"));
    }

    @Test
    void aMalformedFingerprintStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> start("not-a-fingerprint"))
                .hasStackTraceContaining("client-certificate.fingerprints holds 'not-a-fingerprint'");
    }

    private void start(String fingerprint) {
        application = new SpringApplicationBuilder(ExampleApplication.class).web(WebApplicationType.SERVLET)
                .properties(Map.of("server.port", "0", "server.address", "127.0.0.1",
                        "server.ssl.key-store", "file:" + store("server"), "server.ssl.key-store-password", PASSWORD,
                        "server.ssl.key-store-type", "PKCS12",
                        "server.ssl.trust-store", "file:" + store("server-trust"),
                        "server.ssl.trust-store-password", PASSWORD, "server.ssl.trust-store-type", "PKCS12",
                        "server.ssl.client-auth", "want", "client-certificate.fingerprints", fingerprint))
                .run();
    }

    private HttpResponse<String> get(HttpClient client) throws Exception {
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/partner")).build(),
                HttpResponse.BodyHandlers.ofString());
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
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** An application with one endpoint under the plug-in's policy. */
    @SpringBootApplication
    @RestController
    static class ExampleApplication {

        @GetMapping("/partner")
        @RequiresPolicy(ClientCertificateExecutor.POLICY)
        String partner(AuthenticatedUser user) {
            return user.subject();
        }
    }
}
