package io.policyauth.jwt.dpop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEObjectType;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.jwt.JwtAttacks;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.TestInstances;

/**
 * DPoP-bound tokens (RFC 9449) through a real server, on either web stack: a token bound to a key
 * passes with a fresh proof by that key for this request, and fails, with a {@code DPoP} challenge,
 * as {@code Bearer}, with a replayed proof, a proof for another URL or method, a stale proof, a
 * proof by another key or a malformed one; nonces, forwarded URLs and the public URL.
 */
class DpopWebIntegrationTests {

    private static final String SECRET = "a-dpop-binding-test-secret-of-32-bytes!";
    private static final String ALGS = "ES256 ES384 ES512 PS256 PS384 PS512 RS256 RS384 RS512";

    private final TestInstances instances = new TestInstances();
    private final JwtAttacks tokens = new JwtAttacks(SECRET.getBytes(StandardCharsets.UTF_8), "bank", "payments");
    private final DpopClientKey key = new DpopClientKey();
    private ConfigurableApplicationContext application;
    private HttpTestClient client;
    private String url;

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void aBoundTokenPassesWithAFreshProofByItsKeyAndAsBearerNever() {
        start("required");
        String token = boundTo(key);

        HttpResponse<String> granted = call("GET", token, key.proof("GET", url, token));
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).isEqualTo("alice");

        HttpResponse<String> asBearer = client.get("/payments", "Authorization", "Bearer " + token);
        assertThat(asBearer.statusCode()).isEqualTo(401);
        assertThat(challenge(asBearer)).startsWith("DPoP error=\"invalid_token\"").contains("algs=\"" + ALGS + "\"");
        assertThat(application.getBean(BankApplication.class).decisions).extracting(decision -> decision.outcome()
                + " " + decision.binding() + " " + decision.reason())
                .containsExactly("GRANTED dpop null", "UNAUTHENTICATED dpop dpop_bound_token_as_bearer");
        assertThat(application.getBean(MeterRegistry.class).get(DecisionMetrics.REFUSALS).tag("policy", "private")
                .tag("reason", "dpop_bound_token_as_bearer").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aReplayedProofAProofForAnotherRequestAndAStaleOneAreRefused() {
        start("required");
        String token = boundTo(key);
        String proof = key.proof("GET", url, token);
        assertThat(call("GET", token, proof).statusCode()).isEqualTo(200);

        assertRefused(call("GET", token, proof), "invalid_dpop_proof", "used before");
        assertRefused(call("GET", token, key.proof("GET", url + "/other", token)), "invalid_dpop_proof", "htu");
        assertRefused(call("GET", token, key.proof("POST", url, token)), "invalid_dpop_proof", "htm");
        assertRefused(call("POST", token, key.proof("GET", url, token)), "invalid_dpop_proof", "htm");
        assertRefused(call("GET", token, key.proof("GET", url, token,
                claims -> claims.issueTime(Date.from(Instant.now().minusSeconds(180))), header -> { })),
                "invalid_dpop_proof", "iat");
        assertRefused(call("GET", token, key.proof("GET", url, token,
                claims -> claims.issueTime(Date.from(Instant.now().plusSeconds(180))), header -> { })),
                "invalid_dpop_proof", "iat");
        assertThat(call("GET", token, key.proof("GET", url + "?page=2#top", token)).statusCode())
                .as("query and fragment are not compared").isEqualTo(200);
    }

    @Test
    void aProofByAnotherKeyOrForAnotherTokenIsRefused() {
        start("required");
        String token = boundTo(key);
        DpopClientKey thief = new DpopClientKey();

        assertRefused(call("GET", token, thief.proof("GET", url, token)), "invalid_token", "another key");
        String another = tokens.validWith(claims -> claims.subject("bob")
                .claim("cnf", Map.of("jkt", key.thumbprint())));
        assertRefused(call("GET", token, key.proof("GET", url, another)), "invalid_dpop_proof", "ath");
        assertRefused(call("GET", tokens.valid(), key.proof("GET", url, tokens.valid())), "invalid_token",
                "not DPoP-bound");
    }

    @Test
    void aProofThatIsNoValidDpopProofIsRefused() {
        start("required");
        String token = boundTo(key);

        assertRefused(client.get("/payments", "Authorization", "DPoP " + token), "invalid_dpop_proof", "exactly one");
        assertRefused(client.get("/payments", "Authorization", "DPoP " + token, "DPoP", key.proof("GET", url, token),
                "DPoP", key.proof("GET", url, token)), "invalid_dpop_proof", "exactly one");
        assertRefused(call("GET", token, "not.a.proof"), "invalid_dpop_proof", "not a signed JWT");
        assertRefused(call("GET", token, key.proof("GET", url, token, claims -> { },
                header -> header.type(JOSEObjectType.JWT))), "invalid_dpop_proof", "typ");
        assertRefused(call("GET", token, key.withPrivateJwk(key.proof("GET", url, token))), "invalid_dpop_proof", "");
        assertRefused(call("GET", token, key.proof("GET", url, token, claims -> claims.jwtID(null), header -> { })),
                "invalid_dpop_proof", "jti");
        String tampered = key.proof("GET", url, token);
        assertRefused(call("GET", token, tampered.substring(0, tampered.length() - 4) + "AAAA"), "invalid_dpop_proof",
                "signature");
    }

    @Test
    void withoutACredentialTheChallengesSayWhichSchemesAreTaken() {
        start("required");
        assertThat(client.get("/payments").headers().allValues("WWW-Authenticate"))
                .containsExactly("DPoP algs=\"" + ALGS + "\"");
        instances.close();

        start("allowed");
        assertThat(client.get("/payments").headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer", "DPoP algs=\"" + ALGS + "\"");
        assertThat(client.get("/payments", "Authorization", "Bearer " + tokens.valid()).statusCode())
                .as("an unbound token, where DPoP is allowed").isEqualTo(200);
        String token = boundTo(key);
        assertThat(call("GET", token, key.proof("GET", url, token)).statusCode()).isEqualTo(200);
        assertRefused(client.get("/payments", "Authorization", "Bearer " + token), "invalid_token", "DPoP-bound");
    }

    @Test
    void whereDpopIsDisabledTheSchemeIsNotTaken() {
        start("disabled");
        String token = boundTo(key);

        HttpResponse<String> refused = call("GET", token, key.proof("GET", url, token));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }

    @Test
    void withNoncesAProofWithoutTheServersNonceIsAnsweredWithOne() {
        start("required", "policy-auth.jwt.dpop.nonce=true");
        String token = boundTo(key);

        HttpResponse<String> asked = call("GET", token, key.proof("GET", url, token));
        assertRefused(asked, "use_dpop_nonce", "nonce");
        String nonce = asked.headers().firstValue("DPoP-Nonce").orElseThrow();

        assertThat(call("GET", token, key.proof("GET", url, token, claims -> claims.claim("nonce", nonce),
                header -> { })).statusCode()).isEqualTo(200);
        HttpResponse<String> forged = call("GET", token, key.proof("GET", url, token,
                claims -> claims.claim("nonce", nonce.substring(0, nonce.length() - 2) + "AA"), header -> { }));
        assertRefused(forged, "use_dpop_nonce", "nonce");
    }

    @Test
    void behindATrustedProxyTheProofNamesTheUrlTheClientCalled() {
        String publicUrl = "https://api.example.com/payments";
        start("required", "policy-auth.internal.trusted-proxies=127.0.0.1/32");
        String token = boundTo(key);

        assertThat(client.get("/payments", "Authorization", "DPoP " + token, "DPoP", key.proof("GET", publicUrl, token),
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.example.com").statusCode()).isEqualTo(200);
        assertRefused(call("GET", token, key.proof("GET", publicUrl, token)), "invalid_dpop_proof", "htu");
        instances.close();

        start("required", "policy-auth.internal.trusted-proxies=10.0.0.0/8");
        assertRefused(client.get("/payments", "Authorization", "DPoP " + token, "DPoP",
                key.proof("GET", publicUrl, token), "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "api.example.com"), "invalid_dpop_proof", "htu");
        instances.close();

        start("required", "policy-auth.jwt.dpop.public-url=https://api.example.com");
        assertThat(call("GET", token, key.proof("GET", publicUrl, token)).statusCode())
                .as("the public URL wins").isEqualTo(200);
    }

    private void assertRefused(HttpResponse<String> response, String error, String detail) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response)).startsWith("DPoP error=\"" + error + "\"").containsIgnoringCase(detail)
                .contains("algs=\"" + ALGS + "\"");
        assertThat(response.body()).doesNotContain("eyJ");
    }

    private static String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse("");
    }

    private HttpResponse<String> call(String method, String token, String proof) {
        return client.send(method, "/payments", "Authorization", "DPoP " + token, "DPoP", proof);
    }

    private String boundTo(DpopClientKey holder) {
        return tokens.validWith(claims -> claims.subject("alice").claim("cnf", Map.of("jkt", holder.thumbprint())));
    }

    private void start(String mode, String... more) {
        List<String> properties = new ArrayList<>(List.of("server.address=127.0.0.1",
                "policy-auth.jwt.secret=" + SECRET, "policy-auth.jwt.issuer=bank", "policy-auth.jwt.audiences=payments",
                "policy-auth.jwt.dpop.mode=" + mode));
        properties.addAll(List.of(more));
        application = instances.start(BankApplication.class, properties.toArray(String[]::new));
        client = TestInstances.client(application);
        url = "http://127.0.0.1:" + client.port() + "/payments";
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class BankApplication {

        final List<AuthDecisionEvent> decisions = new CopyOnWriteArrayList<>();

        @EventListener
        void record(AuthDecisionEvent decision) {
            decisions.add(decision);
        }

        @RestController
        static class Payments {

            @GetMapping("/payments")
            @RequiresPolicy("private")
            String list(AuthenticatedUser user) {
                return user.subject();
            }

            @PostMapping("/payments")
            @RequiresPolicy("private")
            String pay(AuthenticatedUser user) {
                return user.subject();
            }
        }
    }
}
