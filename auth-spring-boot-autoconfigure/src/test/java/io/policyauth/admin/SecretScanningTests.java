package io.policyauth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.TestInstances;

/**
 * GitHub's secret scanning partner protocol against a real server, on either web stack: a report
 * signed by a key the scanner publishes (a test key pair, served as the key list by a local HTTP
 * server) revokes the reported keys of this store and labels each; a report with a bad signature, a
 * key the list does not name or no signature at all is refused and revokes nothing.
 */
class SecretScanningTests {

    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private final TestInstances instances = new TestInstances();
    private final HttpClient http = HttpClient.newHttpClient();
    private KeyPair scanner;
    private KeyPair impostor;
    private HttpServer keyList;
    private ConfigurableApplicationContext application;
    private HttpTestClient client;

    @BeforeEach
    void start() throws Exception {
        scanner = ecKeyPair();
        impostor = ecKeyPair();
        keyList = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] list = ("{\"public_keys\":[{\"key_identifier\":\"scanner-1\",\"key\":\"" + pem(scanner)
                + "\",\"is_current\":false},{\"key_identifier\":\"scanner-2\",\"key\":\"" + pem(ecKeyPair())
                + "\",\"is_current\":true}]}").getBytes(StandardCharsets.UTF_8);
        keyList.createContext("/keys", exchange -> {
            exchange.sendResponseHeaders(200, list.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(list);
            }
        });
        keyList.start();
        application = instances.start(App.class, "spring.mongodb.uri=" + mongo.connectionString(),
                "policy-auth.default-policy=db_api_key", "policy-auth.api-key.secret-scanning.enabled=true",
                "policy-auth.api-key.secret-scanning.public-keys-uri=http://127.0.0.1:"
                        + keyList.getAddress().getPort() + "/keys");
        client = TestInstances.client(application);
    }

    @AfterEach
    void stop() {
        instances.close();
        keyList.stop(0);
        mongo.close();
    }

    @Test
    void aSignedReportRevokesTheReportedKeysOfThisStoreAndLabelsEach() throws Exception {
        String leaked = application.getBean(ApiKeyManager.class).issue("ci-bot", "ci", List.of(), List.of(), null,
                null).key();
        assertThat(client.get("/keyed", "X-API-KEY", leaked).statusCode()).isEqualTo(200);
        String report = """
                [{"token":"%s","type":"policyauth_api_key","url":"https://github.com/acme/app/blob/1/.env",
                  "source":"content"},
                 {"token":"pa_not_one_of_ours","type":"policyauth_api_key","url":"https://example.com","source":"gist"}]
                """.formatted(leaked);

        HttpResponse<String> answer = post(report, "scanner-1", sign(scanner, report));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(answer.body(), "$[*].label"))
                .containsExactly("true_positive", "false_positive");
        assertThat(JsonPath.<String>read(answer.body(), "$[0].token_hash")).isEqualTo(sha256Hex(leaked));
        assertThat(JsonPath.<String>read(answer.body(), "$[0].token_type")).isEqualTo("policyauth_api_key");
        assertThat(answer.body()).doesNotContain(leaked);
        assertThat(client.get("/keyed", "X-API-KEY", leaked).statusCode()).isEqualTo(401);
        assertThat(application.getBean(App.class).leaks).singleElement().satisfies(leak -> {
            assertThat(leak.key().owner()).isEqualTo("ci-bot");
            assertThat(leak.url()).isEqualTo("https://github.com/acme/app/blob/1/.env");
        });
    }

    @Test
    void anUnsignedOrBadlySignedReportIsRefusedAndRevokesNothing() throws Exception {
        String key = application.getBean(ApiKeyManager.class).issue("ci-bot", "ci", List.of(), List.of(), null,
                null).key();
        String report = "[{\"token\":\"" + key + "\",\"type\":\"policyauth_api_key\",\"url\":\"u\",\"source\":\"s\"}]";

        assertThat(post(report, "scanner-1", sign(impostor, report)).statusCode()).as("another key's signature")
                .isEqualTo(401);
        assertThat(post(report, "scanner-3", sign(scanner, report)).statusCode()).as("a key the list does not name")
                .isEqualTo(401);
        assertThat(post(report.replace("\"s\"", "\"t\""), "scanner-1", sign(scanner, report)).statusCode())
                .as("a body changed after signing").isEqualTo(401);
        assertThat(post(report, null, null).statusCode()).as("no signature").isEqualTo(401);
        assertThat(post(report, "scanner-1", "not-base64!").statusCode()).isEqualTo(401);
        assertThat(client.get("/secret-scanning/github").statusCode()).isEqualTo(405);

        assertThat(client.get("/keyed", "X-API-KEY", key).statusCode()).isEqualTo(200);
        assertThat(application.getBean(App.class).leaks).isEmpty();
        String notAnArray = "{\"token\":\"x\"}";
        assertThat(post(notAnArray, "scanner-1", sign(scanner, notAnArray)).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String body, String keyIdentifier, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ((WebServerApplicationContext) application).getWebServer().getPort() + "/secret-scanning/github"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (keyIdentifier != null) {
            request.header("Github-Public-Key-Identifier", keyIdentifier)
                    .header("Github-Public-Key-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(KeyPair key, String body) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\\n" + Base64.getEncoder().encodeToString(key.getPublic().getEncoded())
                + "\\n-----END PUBLIC KEY-----";
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        final List<SecretScanningEndpoints.LeakedApiKey> leaks = new CopyOnWriteArrayList<>();

        @EventListener
        void record(SecretScanningEndpoints.LeakedApiKey leak) {
            leaks.add(leak);
        }

        @RestController
        static class Endpoints {

            @GetMapping("/keyed")
            @RequiresPolicy("db_api_key")
            String keyed() {
                return "keyed";
            }
        }
    }
}
