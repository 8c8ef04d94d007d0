package io.policyauth.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Keys made by the JDK's keytool in a folder, for tests over real TLS: a server key pair, client key
 * pairs the server trusts, and the clients' trust in the server.
 */
public final class TlsTestKeys {

    private static final String PASSWORD = "changeit";

    private final Path folder;

    private TlsTestKeys(Path folder) {
        this.folder = folder;
    }

    /**
     * @param folder where the stores are written
     * @param clients the clients' names, each its own self-signed key pair, all trusted by the server
     * @return the keys
     * @throws Exception when keytool fails
     */
    public static TlsTestKeys make(Path folder, String... clients) throws Exception {
        Files.createDirectories(folder);
        TlsTestKeys keys = new TlsTestKeys(folder);
        List<String> names = new ArrayList<>(List.of("server"));
        names.addAll(List.of(clients));
        for (String name : names) {
            keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                    "-ext", "san=dns:" + name + ".example.com,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", keys.store(name), "-storepass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keys.store(name), "-storepass", PASSWORD,
                    "-file", keys.pem(name).toString());
        }
        for (String client : clients) {
            keytool("-importcert", "-noprompt", "-alias", client, "-file", keys.pem(client).toString(),
                    "-storetype", "PKCS12", "-keystore", keys.store("server-trust"), "-storepass", PASSWORD);
        }
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", keys.pem("server").toString(),
                "-storetype", "PKCS12", "-keystore", keys.store("client-trust"), "-storepass", PASSWORD);
        return keys;
    }

    /**
     * @return a server's TLS properties: its key, the clients' certificates trusted, client certificates wanted
     */
    public Map<String, Object> serverProperties() {
        return Map.of("server.ssl.key-store", "file:" + store("server"), "server.ssl.key-store-password", PASSWORD,
                "server.ssl.key-store-type", "PKCS12", "server.ssl.trust-store", "file:" + store("server-trust"),
                "server.ssl.trust-store-password", PASSWORD, "server.ssl.trust-store-type", "PKCS12",
                "server.ssl.client-auth", "want");
    }

    /**
     * @param name a client's name, or {@code null} for a client without a certificate
     * @return an HTTP client that trusts the server and presents that client's certificate
     * @throws Exception when the stores cannot be read
     */
    public HttpClient client(String name) throws Exception {
        KeyManagerFactory keyManagers = null;
        if (name != null) {
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(load(name), PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("client-trust"));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    /**
     * @param name a key pair's name
     * @return its certificate
     * @throws Exception when the store cannot be read
     */
    public X509Certificate certificate(String name) throws Exception {
        return (X509Certificate) load(name).getCertificate(name);
    }

    /**
     * @param name a key pair's name
     * @return where its certificate is, as PEM
     */
    public Path pem(String name) {
        return folder.resolve(name + ".pem");
    }

    /**
     * @param name a key pair's name
     * @return where its private key is written, as PKCS#8 PEM (for nginx's {@code ssl_certificate_key})
     * @throws Exception when the store cannot be read or the file written
     */
    public Path privateKeyPem(String name) throws Exception {
        Path pem = folder.resolve(name + "-key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                load(name).getKey(name, PASSWORD.toCharArray()).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return pem;
    }

    /**
     * @param certificate a certificate
     * @return it as nginx's {@code $ssl_client_escaped_cert} passes it: URL-encoded PEM
     * @throws CertificateEncodingException when it cannot be encoded
     */
    public static String escaped(X509Certificate certificate) throws CertificateEncodingException {
        return URLEncoder.encode("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder()
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n", StandardCharsets.UTF_8);
    }

    private KeyStore load(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(store(name)))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private String store(String name) {
        return folder.resolve(name + ".p12").toString();
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
}
