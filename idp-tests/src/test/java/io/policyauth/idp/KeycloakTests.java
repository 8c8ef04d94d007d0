package io.policyauth.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.test.DpopKey;
import io.policyauth.web.RequiresPolicy;

/**
 * The {@code private} policy against a real Keycloak started in dev mode, two realms set up through
 * its admin REST API: realm and client roles, {@code issuer-uri}, two realms as two issuers. Skipped,
 * and saying why, where the machine has no JDK 21+ for Keycloak.
 */
class KeycloakTests {

    private static Keycloak keycloak;
    private static String realmA;
    private static String realmB;

    private final Servers servers = new Servers();

    @BeforeAll
    static void startKeycloak() throws Exception {
        Optional<Path> jdk = Keycloak.jdk21();
        assumeTrue(jdk.isPresent(), "Keycloak needs a JDK 21+ and none is under /usr/lib/jvm: KeycloakTests skipped");
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak"));
        assumeTrue(Files.isDirectory(home), "No Keycloak distribution at " + home + ": KeycloakTests skipped");
        keycloak = Keycloak.start(home, jdk.get(), Servers.freePort());
        realmA = keycloak.realm("a");
        realmB = keycloak.realm("b");
        keycloak.dpopClient("a");
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @AfterEach
    void stopApplications() {
        servers.close();
    }

    @Test
    void realmAndClientRolesAreMappedThroughIssuerUri() throws Exception {
        int app = servers.application(List.of(Applications.Application.class, RoleEndpoints.class),
                "policy-auth.jwt.issuer-uri=" + realmA, "policy-auth.jwt.audiences=orders-api",
                "policy-auth.jwt.roles-claim=realm_access.roles,resource_access.orders-api.roles");
        String token = keycloak.clientToken("a");

        assertThat(servers.get(app, "/admin", token).statusCode()).isEqualTo(200);
        assertThat(servers.get(app, "/writers", token).statusCode()).isEqualTo(200);
        assertThat(servers.get(app, "/admin", null).statusCode()).isEqualTo(401);
    }

    @Test
    void twoRealmsAreTwoIssuersAndATokenOfRealmBIsRefusedByPrivateA() throws Exception {
        int app = servers.application(List.of(Applications.Application.class, RoleEndpoints.class,
                Applications.OnlyA.class),
                "policy-auth.jwt.issuers.a.issuer-uri=" + realmA, "policy-auth.jwt.issuers.a.audiences=orders-api",
                "policy-auth.jwt.issuers.a.roles-claim=realm_access.roles",
                "policy-auth.jwt.issuers.b.issuer-uri=" + realmB, "policy-auth.jwt.issuers.b.audiences=orders-api",
                "policy-auth.jwt.issuers.b.roles-claim=realm_access.roles");
        String tokenA = keycloak.clientToken("a");
        String tokenB = keycloak.clientToken("b");

        assertThat(servers.get(app, "/admin", tokenA).statusCode()).isEqualTo(200);
        assertThat(servers.get(app, "/admin", tokenB).statusCode()).isEqualTo(200);
        assertThat(servers.get(app, "/only-a", tokenA).statusCode()).isEqualTo(200);
        assertThat(servers.get(app, "/only-a", tokenB).statusCode()).isEqualTo(401);
    }

    /* Keycloak states the strength of every token in acr ("1": one factor) and a user login's time in auth_time. */
    @Test
    void stepUpReadsKeycloaksAcrAndAsksForMoreWithTheRfc9470Challenge() throws Exception {
        int app = servers.application(List.of(Applications.Application.class, StepUpEndpoints.class),
                "policy-auth.jwt.issuer-uri=" + realmA, "policy-auth.jwt.audiences=orders-api");
        String token = keycloak.clientToken("a");

        assertThat(servers.get(app, "/one-factor", token).statusCode()).isEqualTo(200);
        HttpResponse<String> stronger = servers.get(app, "/two-factors", token);
        assertThat(stronger.statusCode()).isEqualTo(401);
        assertThat(stronger.headers().firstValue("WWW-Authenticate")).hasValue("Bearer "
                + "error=\"insufficient_user_authentication\", error_description=\"A different authentication level "
                + "is required\", acr_values=\"2\"");
        // A client-credentials token has no login, so no auth_time: a max-age asks for one.
        assertThat(servers.get(app, "/recent-login", token).statusCode()).isEqualTo(401);
    }

    /*
     * Keycloak's DPoP guide: a client that requires DPoP-bound tokens gets tokens bound to the key that
     * signed its token request's proof. Two instances share the proofs they have seen through MongoDB.
     */
    @Test
    void aKeycloakDpopTokenPassesWithAFreshProofByItsKeyAndFailsEveryOtherWay() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        try {
            String[] properties = {"policy-auth.jwt.issuer-uri=" + realmA, "policy-auth.jwt.audiences=orders-api",
                "policy-auth.jwt.dpop.mode=required", "policy-auth.jwt.dpop.replay-store=mongo",
                "policy-auth.jwt.dpop.public-url=https://api.example.com",
                "spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort() + "/policyauth"};
            int first = servers.application(List.of(Applications.Application.class, DpopEndpoints.class), properties);
            int second = servers.application(List.of(Applications.Application.class, DpopEndpoints.class), properties);
            DpopKey key = DpopKey.generate();
            String response = keycloak.dpopTokenResponse("a", key);
            assertThat(JsonPath.<String>read(response, "$.token_type")).isEqualToIgnoringCase("DPoP");
            String token = JsonPath.read(response, "$.access_token");
            URI url = URI.create("https://api.example.com/payments");
            String proof = key.proof("GET", url, token);

            assertThat(dpop(first, token, proof).statusCode()).isEqualTo(200);
            assertRefused(dpop(first, token, proof), "invalid_dpop_proof", "replayed on the same instance");
            assertRefused(dpop(second, token, proof), "invalid_dpop_proof", "replayed on another instance");
            assertRefused(servers.get(first, "/payments", token), "invalid_token", "the token as Bearer");
            assertRefused(dpop(first, token, key.proof("GET", URI.create("https://api.example.com/other"), token)),
                    "invalid_dpop_proof", "a proof for another URL");
            assertRefused(dpop(first, token, key.proof("POST", url, token)), "invalid_dpop_proof",
                    "a proof for another method");
            assertRefused(dpop(first, token, key.proof("GET", url, token, null, Instant.now().minusSeconds(300))),
                    "invalid_dpop_proof", "a stale proof");
            assertRefused(dpop(first, token, DpopKey.generate().proof("GET", url, token)), "invalid_token",
                    "a proof by another key");
            assertThat(dpop(second, token, key.proof("GET", url, token)).statusCode()).isEqualTo(200);
        }
        finally {
            mongo.shutdownNow();
        }
    }

    private HttpResponse<String> dpop(int port, String token, String proof) throws Exception {
        return servers.getWith(port, "/payments", "Authorization", "DPoP " + token, "DPoP", proof);
    }

    private static void assertRefused(HttpResponse<String> response, String error, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("DPoP error=\"" + error + "\"").contains("algs="));
    }

    @RestController
    static class DpopEndpoints {

        @GetMapping("/payments")
        @RequiresPolicy("private")
        String payments() {
            return "payments";
        }
    }

    @RestController
    static class StepUpEndpoints {

        @GetMapping("/one-factor")
        @RequiresPolicy(value = "private", acr = "1")
        String oneFactor() {
            return "one factor";
        }

        @GetMapping("/two-factors")
        @RequiresPolicy(value = "private", acr = "2")
        String twoFactors() {
            return "two factors";
        }

        @GetMapping("/recent-login")
        @RequiresPolicy(value = "private", maxAge = "5m")
        String recentLogin() {
            return "recent login";
        }
    }

    @RestController
    static class RoleEndpoints {

        @GetMapping("/admin")
        @RequiresPolicy(value = "private", roles = "admin")
        String admin() {
            return "admin";
        }

        @GetMapping("/writers")
        @RequiresPolicy(value = "private", roles = "orders-writer")
        String writers() {
            return "writers";
        }
    }
}
