package io.policyauth.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.StartFailures;

/**
 * The {@code client_certificate} policy over a real Tomcat (and Reactor Netty) with TLS, keys made by keytool: a
 * certificate whose chain leads to a trust anchor admits its caller, named as configured; one the
 * TLS handshake accepted but no anchor vouches for, or none, is 403; behind a proxy, the trusted
 * proxy's header carries it.
 */
class ClientCertificatePolicyTests {

    @TempDir
    static Path folder;

    private static TlsTestKeys keys;

    private ConfigurableApplicationContext application;

    @BeforeAll
    static void makeKeys() throws Exception {
        keys = TlsTestKeys.make(folder, "partner", "stranger");
    }

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void aCertificateAnAnchorVouchesForAdmitsItsCallerAndNoOtherDoes() throws Exception {
        start(true, "dn");

        HttpResponse<String> partner = get(keys.client("partner"), null);
        assertThat(partner.statusCode()).isEqualTo(200);
        assertThat(partner.body()).isEqualTo("CN=partner client_certificate");
        assertThat(get(keys.client("stranger"), null).statusCode()).isEqualTo(403);
        HttpResponse<String> none = get(keys.client(null), null);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("A TLS client certificate is required.");
    }

    @Test
    void onWebFluxACertificateAnAnchorVouchesForAdmitsItsCallerAndNoOtherDoes() throws Exception {
        start(true, "dn", WebApplicationType.REACTIVE);

        HttpResponse<String> partner = get(keys.client("partner"), null);
        assertThat(partner.statusCode()).isEqualTo(200);
        assertThat(partner.body()).isEqualTo("CN=partner client_certificate");
        assertThat(get(keys.client("stranger"), null).statusCode()).isEqualTo(403);
        assertThat(get(keys.client(null), null).body()).contains("A TLS client certificate is required.");
    }

    @Test
    void theCallerIsNamedByItsCommonNameOrItsSubjectAlternativeName() throws Exception {
        start(true, "cn");
        assertThat(get(keys.client("partner"), null).body()).isEqualTo("partner client_certificate");
        application.close();

        start(true, "san");
        assertThat(get(keys.client("partner"), null).body()).isEqualTo("partner.example.com client_certificate");
    }

    @Test
    void behindAProxyItsHeaderCarriesTheCertificate() throws Exception {
        start(false, "cn");
        HttpClient plain = HttpClient.newHttpClient();

        assertThat(get(plain, TlsTestKeys.escaped(keys.certificate("partner"))).body())
                .isEqualTo("partner client_certificate");
        assertThat(get(plain, TlsTestKeys.escaped(keys.certificate("stranger"))).statusCode()).isEqualTo(403);
    }

    @Test
    void anAnchorThatIsNotACertificateStopsTheStartNamingTheProperty() {
        StartFailures.assertStartFails(PartnerApplication.class, new String[] {"--server.port=0",
            "--policy-auth.default-policy=public", "--policy-auth.client-certificate.trust-anchors=file:" + folder
                    .resolve("missing.pem")}, "policy-auth.client-certificate.trust-anchors holds");
    }

    private void start(boolean tls, String subjectFrom) {
        start(tls, subjectFrom, WebApplicationType.SERVLET);
    }

    private void start(boolean tls, String subjectFrom, WebApplicationType stack) {
        // Behind a proxy, the proxy (here 127.0.0.1) is the peer: its header, never its own certificate, counts.
        Map<String, Object> properties = new HashMap<>(tls ? keys.serverProperties()
                : Map.of("policy-auth.client-certificate.header", "X-SSL-Client-Cert",
                        "policy-auth.internal.trusted-proxies", "127.0.0.1/32"));
        properties.putAll(Map.of("server.port", "0", "server.address", "127.0.0.1",
                "policy-auth.client-certificate.trust-anchors", "file:" + keys.pem("partner"),
                "policy-auth.client-certificate.subject-from", subjectFrom,
                "policy-auth.default-policy", ClientCertificateExecutor.POLICY));
        application = new SpringApplicationBuilder(PartnerApplication.class).web(stack)
                .properties(properties).run();
    }

    private HttpResponse<String> get(HttpClient client, String forwarded) throws Exception {
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        String scheme = application.getEnvironment().containsProperty("server.ssl.key-store") ? "https" : "http";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + "/partner"));
        if (forwarded != null) {
            request.header("X-SSL-Client-Cert", forwarded);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One endpoint for machine callers. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class PartnerApplication {

        @RestController
        static class Partner {

            @GetMapping("/partner")
            @RequiresPolicy(ClientCertificateExecutor.POLICY)
            String partner(AuthenticatedUser user) {
                return user.subject() + " " + user.mechanism();
            }
        }
    }
}
